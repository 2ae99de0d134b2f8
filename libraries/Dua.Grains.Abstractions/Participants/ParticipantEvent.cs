namespace Dua.Grains.Participants;

/// <summary>One step of a participant's process: when it happened (from the caller) and when it was recorded.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantEvent")]
public sealed record ParticipantEvent(
    [property: Id(0)] ParticipantEventKind Kind,
    [property: Id(1)] DateOnly OccurredOn,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string RequestId,
    [property: Id(4)] PathChoice PathChoice = PathChoice.Unspecified,
    [property: Id(5)] string? JobTrackId = null,
    [property: Id(6)] ExitOutcome Outcome = ExitOutcome.Unspecified);
