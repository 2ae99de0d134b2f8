namespace Dua.Domain.Participants;

/// <summary>A step a caller records: its kind, date and, depending on the kind, the path, track or outcome.</summary>
public sealed record ProgressStep(
    ParticipantEventKind Kind,
    DateOnly OccurredOn,
    PathChoice PathChoice = PathChoice.Unspecified,
    string? JobTrackId = null,
    ExitOutcome Outcome = ExitOutcome.Unspecified)
{
    public const string Field = "step";

    public const string OccurredOnField = "occurredOn";

    public static ProgressStep StartJobPreparation(DateOnly on) => new(ParticipantEventKind.JobPreparationStarted, on);

    public static ProgressStep ChoosePath(PathChoice choice, DateOnly on) => new(ParticipantEventKind.PathChosen, on, PathChoice: choice);

    public static ProgressStep StartJobTrack(string jobTrackId, DateOnly on) => new(ParticipantEventKind.JobTrackStarted, on, JobTrackId: jobTrackId);

    public static ProgressStep Exit(ExitOutcome outcome, DateOnly on) => new(ParticipantEventKind.Exited, on, Outcome: outcome);
}
