namespace Dua.Domain.Participants;

/// <summary>One step of a participant's process: when it happened (from the caller) and when it was recorded.</summary>
public sealed record ParticipantEvent(
    ParticipantEventKind Kind,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string RequestId,
    PathChoice PathChoice = PathChoice.Unspecified,
    string? JobTrackId = null,
    ExitOutcome Outcome = ExitOutcome.Unspecified);
