using System.Text.Json;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using static Dua.Grains.Tests.AgreementTestData;
using static Dua.Grains.Tests.ParticipantTestData;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Tests;

/// <summary>
/// Enrolment and the way through the modules (1 introduction, 2 job preparation and a path choice, 3 a job track,
/// exit), on one in-process silo. Every test makes its own agreement, people and request ids; tests that need two
/// agreements in force at once sign them in different municipalities, because signing supersedes.
/// </summary>
public sealed class ParticipantGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    // --- enrolment ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Enrolment_in_a_signed_agreement_starts_module_1_and_lists_the_participant()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");

        var participant = await Person(NewPerson(), out var pseudonym).EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym));

        Assert.Equal($"{agreementId}-p000001", participant.Id);
        Assert.Equal(agreementId, participant.AgreementId);
        Assert.Equal(pseudonym, participant.Pseudonym);
        Assert.Equal(ParticipantStatus.Active, participant.Status);
        Assert.Equal(1, participant.CurrentModule);
        Assert.Equal(PathChoice.Unspecified, participant.PathChoice);
        Assert.Null(participant.JobTrackId);
        Assert.Equal(ExitOutcome.Unspecified, participant.Outcome);
        Assert.Equal(1, participant.Version);
        var enrolled = Assert.Single(participant.History);
        Assert.Equal((ParticipantEventKind.Enrolled, Day1), (enrolled.Kind, enrolled.OccurredOn));
        AssertSame(participant, await Participant(participant.Id).GetAsync());
        Assert.Equal<string>([participant.Id], await RosterAsync(agreementId));
        Assert.Equal(1, (await Agreement(agreementId).GetAsync())!.ParticipantsAdmitted);
    }

    [Fact]
    public async Task A_participant_answers_with_its_agreement_s_municipalities_also_from_a_state_stored_without_them()
    {
        var (agreementId, _) = await SignedAgreementAsync("2181");
        // A new participant's state holds no municipalities, as states stored before they were kept: the first
        // read fills them from the agreement, and the next write stores them.
        var participant = await Person(NewPerson(), out var pseudonym).EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym));
        var codes = (await Agreement(agreementId).GetAsync())!.MunicipalityCodes;

        var first = await Participant(participant.Id).GetWithAreaAsync();
        var again = await Participant(participant.Id).GetWithAreaAsync();

        Assert.Equal<string>(codes, first!.MunicipalityCodes);
        Assert.Equal<string>(codes, again!.MunicipalityCodes);
        AssertSame(participant, first.Participant);
        Assert.Null(await Participant($"{agreementId}-p999999").GetWithAreaAsync());
    }

    [Fact]
    public async Task Enrolment_in_a_draft_or_ended_agreement_is_refused_and_admits_no_one()
    {
        var draft = NewAgreementId();
        await Agreement(draft).CreateAsync(NewRequest(), Youth("2183"));
        var (ended, _) = await SignedAgreementAsync("2182");
        await Agreement(ended).EndAsync(NewRequest(), EndReason.Terminated, "Uppsagt");

        foreach (var agreementId in new[] { draft, ended })
        {
            var person = Person(NewPerson(), out var pseudonym);
            await RefusedAsync(() => person.EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym)), DomainRuleKind.Precondition, "agreement-not-in-force");
            Assert.Empty(await RosterAsync(agreementId));
            Assert.Equal(0, (await Agreement(agreementId).GetAsync())!.ParticipantsAdmitted);
        }

        // The refused person holds no open process: once the draft is signed, the same request goes through.
        var again = Person(NewPerson(), out var someone);
        var enrol = NewRequest();
        await RefusedAsync(() => again.EnrolAsync(enrol, Enrolment(draft, someone)), DomainRuleKind.Precondition, "agreement-not-in-force");
        await Agreement(draft).SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));
        Assert.Equal($"{draft}-p000001", (await again.EnrolAsync(enrol, Enrolment(draft, someone))).Id);
    }

    [Fact]
    public async Task Enrolment_in_an_agreement_never_created_is_not_found()
    {
        var person = Person(NewPerson(), out var pseudonym);
        await RefusedAsync(() => person.EnrolAsync(NewRequest(), Enrolment(NewAgreementId(), pseudonym)), DomainRuleKind.NotFound, "Agreement");
    }

    [Fact]
    public async Task A_retried_enrolment_returns_the_same_participant_and_admits_no_second()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var person = Person(NewPerson(), out var pseudonym);
        var enrol = NewRequest();

        var first = await person.EnrolAsync(enrol, Enrolment(agreementId, pseudonym));
        var retried = await person.EnrolAsync(enrol, Enrolment(agreementId, pseudonym));

        AssertSame(first, retried);
        Assert.Equal<string>([first.Id], await RosterAsync(agreementId));
        Assert.Equal(1, (await Agreement(agreementId).GetAsync())!.ParticipantsAdmitted);
    }

    [Fact]
    public async Task An_enrolment_request_id_reused_for_other_content_is_refused()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var person = Person(NewPerson(), out var pseudonym);
        var enrol = NewRequest("first content");
        await person.EnrolAsync(enrol, Enrolment(agreementId, pseudonym));

        await RefusedAsync(() => person.EnrolAsync(enrol with { Fingerprint = "other content" }, Enrolment(agreementId, pseudonym, Day2)),
            DomainRuleKind.InvalidValue, "requestId");

        // The same id for another person is the create-request claim's to refuse, at the API (ParticipantApiTests).
        Assert.Single(await RosterAsync(agreementId));
    }

    [Fact]
    public async Task A_person_has_one_open_process_and_may_enrol_again_after_exit()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var (otherAgreementId, _) = await SignedAgreementAsync("2181");
        var person = Person(NewPerson(), out var pseudonym);
        var first = await person.EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym));

        await RefusedAsync(() => person.EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym)), DomainRuleKind.Precondition, "one-open-process-per-person");
        await RefusedAsync(() => person.EnrolAsync(NewRequest(), Enrolment(otherAgreementId, pseudonym)), DomainRuleKind.Precondition, "one-open-process-per-person");
        Assert.Equal<string>([first.Id], await RosterAsync(agreementId));
        Assert.Empty(await RosterAsync(otherAgreementId));
        Assert.Equal(0, (await Agreement(otherAgreementId).GetAsync())!.ParticipantsAdmitted);

        await Participant(first.Id).RecordAsync(NewRequest(), Exit(ExitOutcome.Other, Day2));
        var second = await person.EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym, Day3));

        Assert.Equal($"{agreementId}-p000002", second.Id);
        Assert.Equal(ParticipantStatus.Active, second.Status);
        Assert.Equal(ParticipantStatus.Exited, (await Participant(first.Id).GetAsync())!.Status);
        Assert.Equal<string>([first.Id, second.Id], await RosterAsync(agreementId));
    }

    [Fact]
    public async Task Different_people_in_one_agreement_get_consecutive_ids()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var person = Person(NewPerson(), out var pseudonym);
            ids.Add((await person.EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym))).Id);
        }

        Assert.Equal<string>([$"{agreementId}-p000001", $"{agreementId}-p000002", $"{agreementId}-p000003"], ids);
        Assert.Equal<string>(ids, await RosterAsync(agreementId));
    }

    // --- the whole way --------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_whole_way_from_module_1_through_a_job_track_to_employment()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 2);
        var t1 = tracks[0];
        var id = (await EnrolAsync(agreementId)).Id;
        var grain = Participant(id);
        var steps = new[] { (NewRequest("prep"), JobPreparation(Day2)), (NewRequest("path"), Path(PathChoice.Work, Day3)), (NewRequest("track"), JobTrack(t1, Day4)), (NewRequest("exit"), Exit(ExitOutcome.Employment, Day5)) };

        var inModule2 = await grain.RecordAsync(steps[0].Item1, steps[0].Item2);
        Assert.Equal((2, PathChoice.Unspecified, 2L), (inModule2.CurrentModule, inModule2.PathChoice, inModule2.Version));

        var chosen = await grain.RecordAsync(steps[1].Item1, steps[1].Item2);
        Assert.Equal((2, PathChoice.Work, 3L), (chosen.CurrentModule, chosen.PathChoice, chosen.Version));

        var onTrack = await grain.RecordAsync(steps[2].Item1, steps[2].Item2);
        Assert.Equal((3, t1, ParticipantStatus.Active), (onTrack.CurrentModule, onTrack.JobTrackId, onTrack.Status));
        var track = await TrackAsync(agreementId, t1);
        Assert.Equal(1, track.PlacesTaken);
        Assert.Equal<string>([id], track.Participants);

        // Every step again: nothing is applied twice, and the place is not taken twice.
        foreach (var (request, step) in steps[..3])
        {
            AssertSame(onTrack, await grain.RecordAsync(request, step));
        }

        Assert.Equal(1, (await TrackAsync(agreementId, t1)).PlacesTaken);

        var exited = await grain.RecordAsync(steps[3].Item1, steps[3].Item2);
        Assert.Equal((ParticipantStatus.Exited, 0, ExitOutcome.Employment), (exited.Status, exited.CurrentModule, exited.Outcome));
        Assert.Null(exited.JobTrackId);
        Assert.Equal(PathChoice.Work, exited.PathChoice);
        Assert.Equal(5, exited.Version);
        Assert.Equal<ParticipantEventKind>(
            [ParticipantEventKind.Enrolled, ParticipantEventKind.JobPreparationStarted, ParticipantEventKind.PathChosen, ParticipantEventKind.JobTrackStarted, ParticipantEventKind.Exited],
            exited.History.Select(e => e.Kind));
        Assert.Equal<DateOnly>([Day1, Day2, Day3, Day4, Day5], exited.History.Select(e => e.OccurredOn));
        Assert.Equal(steps.Select(s => s.Item1.RequestId), exited.History.Skip(1).Select(e => e.RequestId));
        Assert.Equal(t1, exited.History[3].JobTrackId);
        Assert.Equal(ExitOutcome.Employment, exited.History[4].Outcome);
        Assert.All(exited.History, e => Assert.True(e.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5) && e.RecordedAt <= DateTimeOffset.UtcNow.AddMinutes(1)));

        var released = await TrackAsync(agreementId, t1);
        Assert.Equal(0, released.PlacesTaken);
        Assert.Empty(released.Participants);

        foreach (var (request, step) in steps)
        {
            AssertSame(exited, await grain.RecordAsync(request, step));
        }

        AssertSame(exited, await grain.GetAsync());
        Assert.Equal(0, (await TrackAsync(agreementId, t1)).PlacesTaken);
    }

    [Fact]
    public async Task A_progress_request_id_reused_for_another_step_is_refused()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var grain = Participant((await EnrolAsync(agreementId)).Id);
        var request = NewRequest("prep");
        var inModule2 = await grain.RecordAsync(request, JobPreparation(Day2));

        await RefusedAsync(() => grain.RecordAsync(request with { Fingerprint = "exit" }, Exit(ExitOutcome.Other, Day3)), DomainRuleKind.InvalidValue, "requestId");

        AssertSame(inModule2, await grain.GetAsync());
    }

    // --- the rules of each step -----------------------------------------------------------------------------------

    [Fact]
    public async Task Job_preparation_follows_module_1_only()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var twice = Participant((await EnrolAsync(agreementId)).Id);
        await twice.RecordAsync(NewRequest(), JobPreparation(Day2));
        await RefusedStepAsync(twice, JobPreparation(Day3), DomainRuleKind.Precondition, "job-preparation-follows-module-1");

        var inModule3 = await OnTrackAsync(agreementId, tracks[0]);
        await RefusedStepAsync(inModule3, JobPreparation(Day5), DomainRuleKind.Precondition, "job-preparation-follows-module-1");
    }

    [Fact]
    public async Task The_path_is_chosen_once_and_only_in_module_2()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var inModule1 = Participant((await EnrolAsync(agreementId)).Id);
        await RefusedStepAsync(inModule1, Path(PathChoice.Work, Day2), DomainRuleKind.Precondition, "path-choice-ends-module-2");

        var chosen = Participant((await EnrolAsync(agreementId)).Id);
        await chosen.RecordAsync(NewRequest(), JobPreparation(Day2));
        await chosen.RecordAsync(NewRequest(), Path(PathChoice.Studies, Day3));
        await RefusedStepAsync(chosen, Path(PathChoice.Work, Day4), DomainRuleKind.Precondition, "path-already-chosen");
        await RefusedStepAsync(chosen, Path(PathChoice.Studies, Day4), DomainRuleKind.Precondition, "path-already-chosen");

        var inModule3 = await OnTrackAsync(agreementId, tracks[0]);
        await RefusedStepAsync(inModule3, Path(PathChoice.Studies, Day5), DomainRuleKind.Precondition, "path-choice-ends-module-2");
    }

    [Fact]
    public async Task A_job_track_needs_module_2_with_the_work_path()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var t1 = tracks[0];

        var inModule1 = Participant((await EnrolAsync(agreementId)).Id);
        await RefusedStepAsync(inModule1, JobTrack(t1, Day2), DomainRuleKind.Precondition, "job-track-needs-work-path");

        var noPath = Participant((await EnrolAsync(agreementId)).Id);
        await noPath.RecordAsync(NewRequest(), JobPreparation(Day2));
        await RefusedStepAsync(noPath, JobTrack(t1, Day3), DomainRuleKind.Precondition, "job-track-needs-work-path");

        var studies = Participant((await EnrolAsync(agreementId)).Id);
        await studies.RecordAsync(NewRequest(), JobPreparation(Day2));
        await studies.RecordAsync(NewRequest(), Path(PathChoice.Studies, Day3));
        await RefusedStepAsync(studies, JobTrack(t1, Day4), DomainRuleKind.Precondition, "job-track-needs-work-path");

        var onTrack = await OnTrackAsync(agreementId, t1);
        await RefusedStepAsync(onTrack, JobTrack(tracks[0], Day5), DomainRuleKind.Precondition, "job-track-needs-work-path");

        Assert.Equal(1, (await TrackAsync(agreementId, t1)).PlacesTaken);
    }

    [Fact]
    public async Task A_full_track_takes_no_one_until_a_place_is_freed()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 1);
        var t1 = tracks[0];
        var first = await OnTrackAsync(agreementId, t1);

        var second = await ReadyForTrackAsync(agreementId);
        var take = NewRequest();
        await RefusedAsync(() => second.RecordAsync(take, JobTrack(t1, Day4)), DomainRuleKind.Precondition, "job-track-full");
        Assert.Equal(3, (await second.GetAsync())!.Version);
        var full = await TrackAsync(agreementId, t1);
        Assert.Equal(1, full.PlacesTaken);
        Assert.Equal<string>([first.GetPrimaryKeyString()[GrainKeys.ParticipantPrefix.Length..]], full.Participants);

        // The refusal was not recorded: the same request succeeds once the first participant leaves.
        await first.RecordAsync(NewRequest(), Exit(ExitOutcome.SubsidisedEmployment, Day5));
        var onTrack = await second.RecordAsync(take, JobTrack(t1, Day4));
        Assert.Equal((3, t1), (onTrack.CurrentModule, onTrack.JobTrackId));
        Assert.Equal<string>([onTrack.Id], (await TrackAsync(agreementId, t1)).Participants);
    }

    [Fact]
    public async Task A_closed_track_takes_no_one()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5, 5);
        await Agreement(agreementId).CloseJobTrackAsync(NewRequest(), tracks[1]);

        var participant = await ReadyForTrackAsync(agreementId);
        await RefusedStepAsync(participant, JobTrack(tracks[1], Day4), DomainRuleKind.Precondition, "job-track-closed");
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[1])).PlacesTaken);
    }

    [Fact]
    public async Task An_unknown_track_is_not_found()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184", 5);
        var participant = await ReadyForTrackAsync(agreementId);

        await RefusedStepAsync(participant, JobTrack("t9", Day4), DomainRuleKind.NotFound, "JobTrack");
    }

    [Fact]
    public async Task A_track_takes_no_one_once_its_agreement_has_ended_but_leaving_it_frees_the_place()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var onTrack = await OnTrackAsync(agreementId, tracks[0]);
        var ready = await ReadyForTrackAsync(agreementId);
        await Agreement(agreementId).EndAsync(NewRequest(), EndReason.Terminated, "Uppsagt");

        await RefusedStepAsync(ready, JobTrack(tracks[0], Day4), DomainRuleKind.Precondition, "agreement-not-in-force");

        await onTrack.RecordAsync(NewRequest(), Exit(ExitOutcome.Unknown, Day5));
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[0])).PlacesTaken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Exit_is_possible_from_every_module(int module)
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var grain = module switch
        {
            1 => Participant((await EnrolAsync(agreementId)).Id),
            2 => await InModule2Async(agreementId),
            _ => await OnTrackAsync(agreementId, tracks[0]),
        };
        var before = (await grain.GetAsync())!;
        Assert.Equal(module, before.CurrentModule);

        var exited = await grain.RecordAsync(NewRequest(), Exit(ExitOutcome.RegularStudies, Day5));

        Assert.Equal((ParticipantStatus.Exited, 0, ExitOutcome.RegularStudies, (string?)null), (exited.Status, exited.CurrentModule, exited.Outcome, exited.JobTrackId));
        Assert.Equal(before.Version + 1, exited.Version);
        Assert.Equal(before.History.Length + 1, exited.History.Length);
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[0])).PlacesTaken);
    }

    [Fact]
    public async Task No_step_follows_an_exit()
    {
        var (agreementId, tracks) = await SignedAgreementAsync("2184", 5);
        var grain = await InModule2Async(agreementId);
        await grain.RecordAsync(NewRequest(), Exit(ExitOutcome.Other, Day3));

        await RefusedStepAsync(grain, JobPreparation(Day4), DomainRuleKind.Precondition, "participant-exited");
        await RefusedStepAsync(grain, Path(PathChoice.Work, Day4), DomainRuleKind.Precondition, "participant-exited");
        await RefusedStepAsync(grain, JobTrack(tracks[0], Day4), DomainRuleKind.Precondition, "participant-exited");
        await RefusedStepAsync(grain, Exit(ExitOutcome.Employment, Day4), DomainRuleKind.Precondition, "participant-exited");
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[0])).PlacesTaken);
    }

    [Fact]
    public async Task A_step_dated_before_the_previous_one_is_invalid()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var grain = Participant((await EnrolAsync(agreementId, Day2)).Id);

        await RefusedStepAsync(grain, JobPreparation(Day1), DomainRuleKind.InvalidValue, "occurredOn");
        await RefusedStepAsync(grain, Exit(ExitOutcome.Other, Day2.AddDays(-1)), DomainRuleKind.InvalidValue, "occurredOn");

        // The same day as the previous step is fine.
        var inModule2 = await grain.RecordAsync(NewRequest(), JobPreparation(Day2));
        await RefusedStepAsync(grain, Path(PathChoice.Work, Day1), DomainRuleKind.InvalidValue, "occurredOn");
        AssertSame(inModule2, await grain.GetAsync());
    }

    [Fact]
    public async Task A_participant_never_enrolled_is_not_found()
    {
        var grain = Participant($"{NewAgreementId()}-p000001");

        await RefusedAsync(() => grain.RecordAsync(NewRequest(), JobPreparation(Day2)), DomainRuleKind.NotFound, "Participant");
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Enrolments_do_not_make_the_agreement_forget_its_own_requests()
    {
        var (agreementId, _) = await SignedAgreementAsync("2184");
        var addTrack = NewRequest("track");
        var added = await Agreement(agreementId).AddJobTrackAsync(addTrack, TrackWithPlaces("Kock", 3));
        for (var i = 0; i < RequestLedger.Capacity; i++)
        {
            await EnrolAsync(agreementId);
        }

        // A client retrying the job track after a lost answer must get the same track, not a second one.
        var retried = await Agreement(agreementId).AddJobTrackAsync(addTrack, TrackWithPlaces("Kock", 3));

        Assert.Equal(added.JobTrackId, retried.JobTrackId);
        Assert.Single((await Agreement(agreementId).GetAsync())!.JobTracks);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /// <summary>A signed YOUTH agreement in the municipality, with one job track (with an employer) per number of places.</summary>
    private async Task<(string AgreementId, string[] JobTrackIds)> SignedAgreementAsync(string municipalityCode, params int[] places)
    {
        var id = NewAgreementId();
        var grain = Agreement(id);
        await grain.CreateAsync(NewRequest(), Youth(municipalityCode));
        var tracks = new List<string>();
        foreach (var count in places)
        {
            tracks.Add((await grain.AddJobTrackAsync(NewRequest(), TrackWithPlaces($"Spår {tracks.Count + 1}", count))).JobTrackId);
        }

        await grain.SignAsync(NewRequest(), new ValidityPeriod(ValidFrom, ValidTo));
        return (id, [.. tracks]);
    }

    private Task<ParticipantSnapshot> EnrolAsync(string agreementId, DateOnly? on = null) =>
        Person(NewPerson(), out var pseudonym).EnrolAsync(NewRequest(), Enrolment(agreementId, pseudonym, on));

    private async Task<IParticipantGrain> InModule2Async(string agreementId)
    {
        var grain = Participant((await EnrolAsync(agreementId)).Id);
        await grain.RecordAsync(NewRequest(), JobPreparation(Day2));
        return grain;
    }

    /// <summary>A participant in module 2 who chose WORK (dated <see cref="ParticipantTestData.Day3"/>).</summary>
    private async Task<IParticipantGrain> ReadyForTrackAsync(string agreementId)
    {
        var grain = await InModule2Async(agreementId);
        await grain.RecordAsync(NewRequest(), Path(PathChoice.Work, Day3));
        return grain;
    }

    private async Task<IParticipantGrain> OnTrackAsync(string agreementId, string jobTrackId)
    {
        var grain = await ReadyForTrackAsync(agreementId);
        await grain.RecordAsync(NewRequest(), JobTrack(jobTrackId, Day4));
        return grain;
    }

    /// <summary>Asserts the step is refused for the kind and subject, and that the participant is left as it was.</summary>
    private static async Task RefusedStepAsync(IParticipantGrain grain, ProgressStep step, DomainRuleKind kind, string subject)
    {
        var before = await grain.GetAsync();
        await RefusedAsync(() => grain.RecordAsync(NewRequest(), step), kind, subject);
        AssertSame(before, await grain.GetAsync());
    }

    /// <summary>Records compare their arrays by reference, and every grain call copies them: compare the content.</summary>
    private static void AssertSame(ParticipantSnapshot? expected, ParticipantSnapshot? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    private async Task<JobTrack> TrackAsync(string agreementId, string jobTrackId) =>
        (await Agreement(agreementId).GetAsync())!.JobTracks.Single(t => t.Id == jobTrackId);

    // The agreement's participants as listings read them: the numbers it admitted that name a participant.
    private async Task<IReadOnlyList<string>> RosterAsync(string agreementId)
    {
        var admitted = (await Agreement(agreementId).GetAsync())!.ParticipantsAdmitted;
        var found = await Task.WhenAll(ParticipantRoster.IdsAfter(agreementId, admitted, null)
            .Select(id => fixture.Grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(id)).GetAsync()));
        return [.. found.OfType<ParticipantSnapshot>().Select(p => p.Id)];
    }

    private IPersonGrain Person(string pseudonym, out string key)
    {
        key = pseudonym;
        return fixture.Grains.GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym));
    }

    private IParticipantGrain Participant(string participantId) => fixture.Grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(participantId));

    private IAgreementGrain Agreement(string agreementId) => fixture.Grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));

    private static async Task<DomainRuleException> RefusedAsync(Func<Task> call, DomainRuleKind kind, string subject)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(call);
        Assert.Equal((kind, subject), (refused.Kind, refused.Subject));
        return refused;
    }
}
