using Dua.Contracts.V1;

namespace Dua.LoadTest.Planning;

/// <summary>The kinds of step a participant's process is made of, after the enrolment.</summary>
public enum StepKind
{
    StartJobPreparation,
    ChoosePath,
    StartJobTrack,
    Exit,
}

/// <summary>One step of a planned process, on the day it happened.</summary>
/// <param name="JobTrackNumber">For <see cref="StepKind.StartJobTrack"/>: the agreement's track, 1-based.</param>
public sealed record PlannedStep(StepKind Kind, DateOnly On, PathChoice Path = PathChoice.Unspecified, int JobTrackNumber = 0, ExitOutcome Outcome = ExitOutcome.Unspecified);

/// <summary>
/// Participant number <see cref="Index"/> of the plan: who, where, when enrolled, and the steps taken up to the
/// day before the as-of date. Steps that would fall later have not happened yet: the participant is then still
/// in the module the last step left them in.
/// </summary>
public sealed record ParticipantPlan(
    long Index,
    AgreementPlan Agreement,
    Person Person,
    AgeBand AgeBand,
    IReadOnlyList<TargetGroup> TargetGroups,
    DateOnly EnrolledOn,
    IReadOnlyList<PlannedStep> Steps)
{
    public bool Exited => Steps.Count > 0 && Steps[^1].Kind == StepKind.Exit;

    /// <summary>The module at the as-of date: 1, 2 or 3; 0 once exited.</summary>
    public int CurrentModule => Steps.Count == 0 ? 1 : Steps[^1].Kind switch
    {
        StepKind.StartJobPreparation or StepKind.ChoosePath => 2,
        StepKind.StartJobTrack => 3,
        _ => 0,
    };
}
