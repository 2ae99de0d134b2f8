namespace Dua.Grains.Participants;

/// <summary>A step a caller records: its kind, date and, depending on the kind, the path, track or outcome.</summary>
[GenerateSerializer, Immutable, Alias("dua.ProgressStep")]
public sealed record ProgressStep(
    [property: Id(0)] ParticipantEventKind Kind,
    [property: Id(1)] DateOnly OccurredOn,
    [property: Id(2)] PathChoice PathChoice = PathChoice.Unspecified,
    [property: Id(3)] string? JobTrackId = null,
    [property: Id(4)] ExitOutcome Outcome = ExitOutcome.Unspecified);
