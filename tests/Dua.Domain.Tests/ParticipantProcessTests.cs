using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using static Dua.Domain.Tests.AgreementSamples;

namespace Dua.Domain.Tests;

/// <summary>A participant's way through the modules as plain functions: which step may follow which.</summary>
public sealed class ParticipantProcessTests
{
    private static readonly DateOnly Day1 = new(2026, 2, 2);
    private static readonly DateOnly Day2 = new(2026, 3, 2);
    private static readonly DateOnly Day3 = new(2026, 4, 1);

    private static ParticipantSnapshot Enrolled() => ParticipantProcess.Enrol(
        "21-0123456789abcdef-p000001", new Enrolment(Id, new string('a', 64), AgeBand.From20To24, [TargetGroup.Youth], Day1), "req-enrol", Now);

    private static ParticipantSnapshot Step(ParticipantSnapshot participant, ProgressStep step) => participant.Record(step, $"req-{participant.Version}", Now);

    [Fact]
    public void Enrolment_starts_module_1_with_its_event_in_the_history()
    {
        var participant = Enrolled();

        Assert.Equal((ParticipantStatus.Active, 1, 1L), (participant.Status, participant.CurrentModule, participant.Version));
        Assert.Equal(new ParticipantEvent(ParticipantEventKind.Enrolled, Day1, Now, "req-enrol"), Assert.Single(participant.History));
    }

    [Fact]
    public void The_way_to_a_job_track_is_job_preparation_then_the_path_work()
    {
        var onTrack = Step(Step(Step(Enrolled(), ProgressStep.StartJobPreparation(Day2)), ProgressStep.ChoosePath(PathChoice.Work, Day2)), ProgressStep.StartJobTrack("t1", Day3));

        Assert.Equal((3, "t1", PathChoice.Work, 4L), (onTrack.CurrentModule, onTrack.JobTrackId, onTrack.PathChoice, onTrack.Version));
        Assert.Equal(
            [ParticipantEventKind.Enrolled, ParticipantEventKind.JobPreparationStarted, ParticipantEventKind.PathChosen, ParticipantEventKind.JobTrackStarted],
            onTrack.History.Select(e => e.Kind));
        Assert.Equal(("t1", "req-3"), (onTrack.History[^1].JobTrackId, onTrack.History[^1].RequestId));
    }

    [Fact]
    public void Steps_out_of_order_are_refused_naming_the_rule()
    {
        var enrolled = Enrolled();
        var preparing = Step(enrolled, ProgressStep.StartJobPreparation(Day2));
        var studies = Step(preparing, ProgressStep.ChoosePath(PathChoice.Studies, Day2));

        Refusal(() => Step(preparing, ProgressStep.StartJobPreparation(Day2)), DomainRuleKind.Precondition, "job-preparation-follows-module-1");
        Refusal(() => Step(enrolled, ProgressStep.ChoosePath(PathChoice.Work, Day2)), DomainRuleKind.Precondition, "path-choice-ends-module-2");
        Refusal(() => Step(studies, ProgressStep.ChoosePath(PathChoice.Work, Day2)), DomainRuleKind.Precondition, "path-already-chosen");
        var noPath = Refusal(() => Step(preparing, ProgressStep.StartJobTrack("t1", Day2)), DomainRuleKind.Precondition, "job-track-needs-work-path");
        Assert.Contains("without a path choice", noPath.Message, StringComparison.Ordinal);
        var withStudies = Refusal(() => Step(studies, ProgressStep.StartJobTrack("t1", Day2)), DomainRuleKind.Precondition, "job-track-needs-work-path");
        Assert.Contains("with the path STUDIES", withStudies.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_may_not_go_back_in_time_and_only_steps_a_caller_records_are_accepted()
    {
        var preparing = Step(Enrolled(), ProgressStep.StartJobPreparation(Day2));

        Refusal(() => Step(preparing, ProgressStep.Exit(ExitOutcome.Other, Day1)), DomainRuleKind.InvalidValue, ProgressStep.OccurredOnField);
        Refusal(() => Step(preparing, new ProgressStep(ParticipantEventKind.Enrolled, Day3)), DomainRuleKind.InvalidValue, ProgressStep.Field);
        Assert.Equal(2, Step(preparing, ProgressStep.ChoosePath(PathChoice.Work, Day2)).CurrentModule);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_exit_from_any_module_ends_the_process_and_nothing_follows_it(int module)
    {
        var participant = Enrolled();
        if (module >= 2)
        {
            participant = Step(Step(participant, ProgressStep.StartJobPreparation(Day2)), ProgressStep.ChoosePath(PathChoice.Work, Day2));
        }

        if (module == 3)
        {
            participant = Step(participant, ProgressStep.StartJobTrack("t1", Day2));
        }

        var exited = Step(participant, ProgressStep.Exit(ExitOutcome.Employment, Day3));

        Assert.Equal((ParticipantStatus.Exited, 0, null, ExitOutcome.Employment), (exited.Status, exited.CurrentModule, exited.JobTrackId, exited.Outcome));
        Refusal(() => Step(exited, ProgressStep.Exit(ExitOutcome.Other, Day3)), DomainRuleKind.Precondition, "participant-exited");
    }

    [Fact]
    public void A_person_has_one_open_process_at_a_time()
    {
        ParticipantProcess.RequireNoOpenProcess(null);
        var refused = Refusal(() => ParticipantProcess.RequireNoOpenProcess("21-0123456789abcdef-p000001"), DomainRuleKind.Precondition, "one-open-process-per-person");
        Assert.Contains("21-0123456789abcdef-p000001", refused.Message, StringComparison.Ordinal);
        Refusal(() => ParticipantSnapshot.Existing(null, "21-0123456789abcdef-p000009"), DomainRuleKind.NotFound, ParticipantSnapshot.Entity);
        Assert.Equal("participant-exists", ParticipantProcess.AlreadyExists("21-0123456789abcdef-p000001").Subject);
    }
}
