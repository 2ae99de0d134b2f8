using Dua.Contracts.V1;
using Dua.Testing.Requests;
using Dua.Testing;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// dua.v1.ParticipantService end to end: enrolment, one open process per person, the way through the modules,
/// the rules of each step, idempotency, listing and privacy.
/// </summary>
public sealed class ParticipantApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly ParticipantService.ParticipantServiceClient _client = new(silo.Channel);
    private readonly AgreementService.AgreementServiceClient _agreements = new(silo.Channel);

    // --- enrolment ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Enrolment_starts_module_1_in_a_signed_agreement()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var request = Enrol(agreementId, NewPerson().Ten);
        request.AgeBand = AgeBand._1619;
        request.TargetGroups.Add(TargetGroup.LongTermUnemployed);

        var participant = (await _client.EnrolParticipantAsync(request)).Participant;

        Assert.Equal($"{agreementId}-p000001", participant.ParticipantId);
        Assert.Equal(agreementId, participant.AgreementId);
        Assert.Equal(AgeBand._1619, participant.AgeBand);
        Assert.Equal(new[] { TargetGroup.Youth, TargetGroup.LongTermUnemployed }, participant.TargetGroups);
        Assert.Equal(ParticipantStatus.Active, participant.Status);
        Assert.Equal(1, participant.CurrentModule);
        Assert.Equal(PathChoice.Unspecified, participant.PathChoice);
        Assert.Empty(participant.JobTrackId);
        Assert.Equal(ExitOutcome.Unspecified, participant.Outcome);
        Assert.Equal(1, participant.Version);
        var enrolled = Assert.Single(participant.History);
        Assert.Equal((ParticipantEventKind.Enrolled, Day1, request.RequestId), (enrolled.Kind, enrolled.OccurredOn, enrolled.RequestId));
        Assert.NotNull(enrolled.RecordedAt);
        Assert.Equal(participant, await GetAsync(participant.ParticipantId));
    }

    [Fact]
    public async Task Enrolment_only_in_a_signed_agreement()
    {
        var draft = (await _agreements.CreateAgreementAsync(Youth(Gavle))).Agreement.AgreementId;
        await RefusedBecause("agreement-not-in-force", () => _client.EnrolParticipantAsync(Enrol(draft, NewPerson().Ten)).ResponseAsync);

        var (ended, _) = await SignedYouthAsync(Hudiksvall);
        await _agreements.EndAgreementAsync(AgreementRequests.End(ended, EndReason.Terminated, "Uppsagt"));
        await RefusedBecause("agreement-not-in-force", () => _client.EnrolParticipantAsync(Enrol(ended, NewPerson().Ten)).ResponseAsync);

        Assert.Empty(await ListAllAsync(draft));
        Assert.Empty(await ListAllAsync(ended));
    }

    [Fact]
    public async Task Enrolment_in_an_agreement_never_created_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => _client.EnrolParticipantAsync(Enrol("21-0123456789abcdef", NewPerson().Ten)).ResponseAsync);
    }

    [Fact]
    public async Task A_retried_enrolment_returns_the_same_participant_and_enrols_no_second()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var request = Enrol(agreementId, NewPerson().Ten);

        var first = (await _client.EnrolParticipantAsync(request)).Participant;
        var retried = (await _client.EnrolParticipantAsync(request.Clone())).Participant;

        Assert.Equal(first, retried);
        Assert.Equal($"{agreementId}-p000001", first.ParticipantId);
        Assert.Equal(new[] { first.ParticipantId }, (await ListAllAsync(agreementId)).Select(p => p.ParticipantId));

        // The next person gets the next number: the retry used none.
        var second = (await _client.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten))).Participant;
        Assert.Equal($"{agreementId}-p000002", second.ParticipantId);
        Assert.Equal(2, (await ListAllAsync(agreementId)).Count);
    }

    [Fact]
    public async Task An_enrolment_request_id_reused_for_other_content_is_invalid()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var request = Enrol(agreementId, NewPerson().Ten);
        var enrolled = (await _client.EnrolParticipantAsync(request)).Participant;

        var otherGroups = request.Clone();
        otherGroups.TargetGroups.Add(TargetGroup.Newcomers);
        await RpcAssert.InvalidFields(() => _client.EnrolParticipantAsync(otherGroups).ResponseAsync, "request_id");

        var otherPerson = request.Clone();
        otherPerson.PersonalIdentityNumber = NewPerson().Ten;
        await RpcAssert.InvalidFields(() => _client.EnrolParticipantAsync(otherPerson).ResponseAsync, "request_id");

        var listed = await ListAllAsync(agreementId);
        Assert.Equal(enrolled, Assert.Single(listed));
    }

    [Fact]
    public async Task An_enrolment_request_id_reused_for_another_person_in_another_agreement_is_invalid()
    {
        var (agreementId, _) = await SignedYouthAsync(Hudiksvall);
        var (otherAgreementId, _) = await SignedYouthAsync(Gavle);
        var request = Enrol(agreementId, NewPerson().Ten);
        await _client.EnrolParticipantAsync(request);

        // Neither the person's grain nor the agreement's has seen this id: the contract still says INVALID_ARGUMENT.
        var other = Enrol(otherAgreementId, NewPerson().Ten);
        other.RequestId = request.RequestId;
        await RpcAssert.InvalidFields(() => _client.EnrolParticipantAsync(other).ResponseAsync, "request_id");

        Assert.Empty(await ListAllAsync(otherAgreementId));
    }

    [Fact]
    public async Task A_person_has_one_open_process_whatever_the_notation_and_may_enrol_again_after_exit()
    {
        var (agreementId, _) = await SignedYouthAsync(Hudiksvall);
        var (otherAgreementId, _) = await SignedYouthAsync(Gavle);
        var person = PersonBornOn(new DateOnly(1981, 12, 18), "987");
        Assert.Equal("811218-9876", person.Ten);
        Assert.Equal("198112189876", person.Twelve);

        var first = (await _client.EnrolParticipantAsync(Enrol(agreementId, person.Ten))).Participant;
        foreach (var notation in person.Notations)
        {
            await RefusedBecause("one-open-process-per-person", () => _client.EnrolParticipantAsync(Enrol(agreementId, notation)).ResponseAsync);
            await RefusedBecause("one-open-process-per-person", () => _client.EnrolParticipantAsync(Enrol(otherAgreementId, notation)).ResponseAsync);
        }

        Assert.Single(await ListAllAsync(agreementId));
        Assert.Empty(await ListAllAsync(otherAgreementId));

        await _client.RecordProgressAsync(Exit(first.ParticipantId, ExitOutcome.Other, Day2));
        var again = (await _client.EnrolParticipantAsync(Enrol(otherAgreementId, person.Twelve, Day3))).Participant;

        Assert.Equal($"{otherAgreementId}-p000001", again.ParticipantId);
        Assert.Equal(ParticipantStatus.Active, again.Status);
        Assert.Equal(ParticipantStatus.Exited, (await GetAsync(first.ParticipantId)).Status);
        await RefusedBecause("one-open-process-per-person", () => _client.EnrolParticipantAsync(Enrol(agreementId, person.TwelveWithSeparator, Day3)).ResponseAsync);
    }

    [Fact]
    public async Task A_samordningsnummer_is_accepted()
    {
        var (agreementId, _) = await SignedYouthAsync();

        var participant = (await _client.EnrolParticipantAsync(Enrol(agreementId, CoordinationNumber))).Participant;

        Assert.Equal(ParticipantStatus.Active, participant.Status);
        await RefusedBecause("one-open-process-per-person", () => _client.EnrolParticipantAsync(Enrol(agreementId, "19701063-2391")).ResponseAsync);
    }

    [Fact]
    public async Task Different_people_in_one_agreement_get_consecutive_ids_and_are_listed_in_order()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await _client.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Twelve))).Participant.ParticipantId);
        }

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{agreementId}-p{i:D6}"), ids);

        // Pages of two: every participant once, in order.
        var listed = await ListAllAsync(agreementId, pageSize: 2);
        Assert.Equal(ids, listed.Select(p => p.ParticipantId));
    }

    // --- the whole way --------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_whole_way_from_module_1_through_a_job_track_to_employment()
    {
        var (agreementId, tracks) = await SignedAgreementAsync(_agreements, AgreementKind.Newcomers, Hudiksvall, 2, 12, 12);
        var t1 = tracks[0];
        Assert.Equal("t1", t1);
        var enrol = Enrol(agreementId, NewPerson().Ten);
        var id = (await _client.EnrolParticipantAsync(enrol)).Participant.ParticipantId;
        var steps = new[]
        {
            StartJobPreparation(id, Day2),
            ChoosePath(id, PathChoice.Work, Day3),
            StartJobTrack(id, t1, Day4),
            Exit(id, ExitOutcome.Employment, Day5),
        };

        var inModule2 = (await _client.RecordProgressAsync(steps[0])).Participant;
        Assert.Equal((2, ParticipantStatus.Active, 2L), (inModule2.CurrentModule, inModule2.Status, inModule2.Version));

        var chosen = (await _client.RecordProgressAsync(steps[1])).Participant;
        Assert.Equal((2, PathChoice.Work), (chosen.CurrentModule, chosen.PathChoice));

        var onTrack = (await _client.RecordProgressAsync(steps[2])).Participant;
        Assert.Equal((3, t1), (onTrack.CurrentModule, onTrack.JobTrackId));
        Assert.Equal(1, (await TrackAsync(agreementId, t1)).PlacesTaken);
        Assert.Equal(new[] { id }, (await ListAllAsync(agreementId, t1)).Select(p => p.ParticipantId));
        Assert.Empty(await ListAllAsync(agreementId, tracks[1]));

        // Retried steps apply nothing twice.
        foreach (var step in steps[..3])
        {
            Assert.Equal(onTrack, (await _client.RecordProgressAsync(step.Clone())).Participant);
        }

        Assert.Equal(1, (await TrackAsync(agreementId, t1)).PlacesTaken);

        var exited = (await _client.RecordProgressAsync(steps[3])).Participant;
        Assert.Equal((ParticipantStatus.Exited, 0, ExitOutcome.Employment, ""), (exited.Status, exited.CurrentModule, exited.Outcome, exited.JobTrackId));
        Assert.Equal(0, (await TrackAsync(agreementId, t1)).PlacesTaken);
        Assert.Empty(await ListAllAsync(agreementId, t1));

        Assert.Equal(5, exited.History.Count);
        Assert.Equal(5, exited.Version);
        Assert.Equal(
            new[] { ParticipantEventKind.Enrolled, ParticipantEventKind.JobPreparationStarted, ParticipantEventKind.PathChosen, ParticipantEventKind.JobTrackStarted, ParticipantEventKind.Exited },
            exited.History.Select(e => e.Kind));
        Assert.Equal(new[] { Day1, Day2, Day3, Day4, Day5 }, exited.History.Select(e => e.OccurredOn));
        Assert.Equal(steps.Select(s => s.RequestId).Prepend(enrol.RequestId), exited.History.Select(e => e.RequestId));
        Assert.Equal(PathChoice.Work, exited.History[2].PathChoice);
        Assert.Equal(t1, exited.History[3].JobTrackId);
        Assert.Equal(ExitOutcome.Employment, exited.History[4].Outcome);
        var now = DateTimeOffset.UtcNow;
        Assert.All(exited.History, e =>
        {
            Assert.NotNull(e.RecordedAt);
            Assert.InRange(e.RecordedAt.ToDateTimeOffset(), now.AddMinutes(-5), now.AddMinutes(1));
        });
        Assert.Equal(exited.History.Select(e => e.RecordedAt.ToDateTimeOffset()).Order(), exited.History.Select(e => e.RecordedAt.ToDateTimeOffset()));

        foreach (var step in steps)
        {
            Assert.Equal(exited, (await _client.RecordProgressAsync(step.Clone())).Participant);
        }

        Assert.Equal(exited, await GetAsync(id));
        Assert.Equal(0, (await TrackAsync(agreementId, t1)).PlacesTaken);
    }

    [Fact]
    public async Task A_progress_request_id_reused_for_another_step_is_invalid()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var id = await EnrolAsync(agreementId);
        var step = StartJobPreparation(id, Day2);
        var inModule2 = (await _client.RecordProgressAsync(step)).Participant;

        var other = Exit(id, ExitOutcome.Other, Day3);
        other.RequestId = step.RequestId;
        await RpcAssert.InvalidFields(() => _client.RecordProgressAsync(other).ResponseAsync, "request_id");

        Assert.Equal(inModule2, await GetAsync(id));
    }

    // --- the rules of each step -----------------------------------------------------------------------------------

    [Fact]
    public async Task Job_preparation_follows_module_1_only()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var twice = await InModule2Async(agreementId);
        await StepRefusedBecause("job-preparation-follows-module-1", StartJobPreparation(twice, Day3));

        var inModule3 = await OnTrackAsync(agreementId, tracks[0]);
        await StepRefusedBecause("job-preparation-follows-module-1", StartJobPreparation(inModule3, Day5));
    }

    [Fact]
    public async Task The_path_is_chosen_once_and_only_in_module_2()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var inModule1 = await EnrolAsync(agreementId);
        await StepRefusedBecause("path-choice-ends-module-2", ChoosePath(inModule1, PathChoice.Studies, Day2));

        var chosen = await ReadyForTrackAsync(agreementId);
        await StepRefusedBecause("path-already-chosen", ChoosePath(chosen, PathChoice.Studies, Day4));
        await StepRefusedBecause("path-already-chosen", ChoosePath(chosen, PathChoice.Work, Day4));

        var inModule3 = await OnTrackAsync(agreementId, tracks[0]);
        await StepRefusedBecause("path-choice-ends-module-2", ChoosePath(inModule3, PathChoice.Work, Day5));
    }

    [Fact]
    public async Task A_job_track_needs_module_2_with_the_work_path()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var t1 = tracks[0];

        var inModule1 = await EnrolAsync(agreementId);
        await StepRefusedBecause("job-track-needs-work-path", StartJobTrack(inModule1, t1, Day2));

        var noPath = await InModule2Async(agreementId);
        await StepRefusedBecause("job-track-needs-work-path", StartJobTrack(noPath, t1, Day3));

        var studies = await InModule2Async(agreementId);
        await _client.RecordProgressAsync(ChoosePath(studies, PathChoice.Studies, Day3));
        await StepRefusedBecause("job-track-needs-work-path", StartJobTrack(studies, t1, Day4));

        var onTrack = await OnTrackAsync(agreementId, t1);
        await StepRefusedBecause("job-track-needs-work-path", StartJobTrack(onTrack, t1, Day5));

        Assert.Equal(1, (await TrackAsync(agreementId, t1)).PlacesTaken);
        Assert.Equal(new[] { onTrack }, (await ListAllAsync(agreementId, t1)).Select(p => p.ParticipantId));
    }

    [Fact]
    public async Task A_full_track_takes_no_one_until_a_place_is_freed()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 1);
        var t1 = tracks[0];
        var first = await OnTrackAsync(agreementId, t1);
        var second = await ReadyForTrackAsync(agreementId);
        var take = StartJobTrack(second, t1, Day4);

        await StepRefusedBecause("job-track-full", take);
        var full = await TrackAsync(agreementId, t1);
        Assert.Equal((1, 1), (full.PlacesTaken, full.Places));
        Assert.Equal(new[] { first }, (await ListAllAsync(agreementId, t1)).Select(p => p.ParticipantId));

        // The refusal was not recorded: the same request succeeds once the place is free.
        await _client.RecordProgressAsync(Exit(first, ExitOutcome.Employment, Day5));
        var onTrack = (await _client.RecordProgressAsync(take.Clone())).Participant;
        Assert.Equal((3, t1), (onTrack.CurrentModule, onTrack.JobTrackId));
        Assert.Equal(new[] { second }, (await ListAllAsync(agreementId, t1)).Select(p => p.ParticipantId));
    }

    [Fact]
    public async Task A_closed_track_takes_no_one()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5, 5);
        await _agreements.CloseJobTrackAsync(new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = agreementId, JobTrackId = tracks[1] });
        var participant = await ReadyForTrackAsync(agreementId);

        await StepRefusedBecause("job-track-closed", StartJobTrack(participant, tracks[1], Day4));

        Assert.Equal(0, (await TrackAsync(agreementId, tracks[1])).PlacesTaken);
        Assert.Empty(await ListAllAsync(agreementId, tracks[1]));
    }

    [Fact]
    public async Task An_unknown_track_is_not_found()
    {
        var (agreementId, _) = await SignedYouthAsync(Hudiksvall, 5);
        var participant = await ReadyForTrackAsync(agreementId);
        var before = await GetAsync(participant);

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.RecordProgressAsync(StartJobTrack(participant, "t9", Day4)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => ListAllAsync(agreementId, "t9"));

        Assert.Equal(before, await GetAsync(participant));
    }

    [Fact]
    public async Task A_track_of_another_agreement_is_not_found()
    {
        var (agreementId, _) = await SignedYouthAsync(Hudiksvall, 5);
        var (otherAgreementId, otherTracks) = await SignedYouthAsync(Gavle, 5, 5);
        var participant = await ReadyForTrackAsync(agreementId);

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.RecordProgressAsync(StartJobTrack(participant, otherTracks[1], Day4)).ResponseAsync);

        Assert.Equal(0, (await TrackAsync(otherAgreementId, otherTracks[1])).PlacesTaken);
    }

    [Theory]
    [InlineData(1, ExitOutcome.Other)]
    [InlineData(2, ExitOutcome.RegularStudies)]
    [InlineData(3, ExitOutcome.SubsidisedEmployment)]
    public async Task Exit_is_possible_from_every_module(int module, ExitOutcome outcome)
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var id = module switch
        {
            1 => await EnrolAsync(agreementId),
            2 => await InModule2Async(agreementId),
            _ => await OnTrackAsync(agreementId, tracks[0]),
        };
        var before = await GetAsync(id);
        Assert.Equal(module, before.CurrentModule);

        var exited = (await _client.RecordProgressAsync(Exit(id, outcome, Day5))).Participant;

        Assert.Equal((ParticipantStatus.Exited, 0, outcome, ""), (exited.Status, exited.CurrentModule, exited.Outcome, exited.JobTrackId));
        Assert.Equal(before.Version + 1, exited.Version);
        Assert.Equal(before.History.Count + 1, exited.History.Count);
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[0])).PlacesTaken);
    }

    [Fact]
    public async Task No_step_follows_an_exit()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var id = await ReadyForTrackAsync(agreementId);
        await _client.RecordProgressAsync(Exit(id, ExitOutcome.Unknown, Day4));

        await StepRefusedBecause("participant-exited", StartJobPreparation(id, Day5));
        await StepRefusedBecause("participant-exited", ChoosePath(id, PathChoice.Work, Day5));
        await StepRefusedBecause("participant-exited", StartJobTrack(id, tracks[0], Day5));
        await StepRefusedBecause("participant-exited", Exit(id, ExitOutcome.Employment, Day5));
        Assert.Equal(0, (await TrackAsync(agreementId, tracks[0])).PlacesTaken);
    }

    [Fact]
    public async Task A_step_dated_before_the_previous_one_or_in_the_future_is_invalid()
    {
        var (agreementId, _) = await SignedYouthAsync();
        var id = await EnrolAsync(agreementId, Day2);

        await StepInvalid("occurred_on", StartJobPreparation(id, Day1));
        await StepInvalid("occurred_on", StartJobPreparation(id, Tomorrow()));
        await StepInvalid("occurred_on", Exit(id, ExitOutcome.Other, "2026-03-01"));

        // The same day as the previous step is fine.
        await _client.RecordProgressAsync(StartJobPreparation(id, Day2));
        await StepInvalid("occurred_on", ChoosePath(id, PathChoice.Work, Day1));
        await StepInvalid("occurred_on", ChoosePath(id, PathChoice.Work, Tomorrow()));
        Assert.Equal(2, (await GetAsync(id)).Version);
    }

    [Fact]
    public async Task An_enrolment_dated_in_the_future_is_invalid()
    {
        var (agreementId, _) = await SignedYouthAsync();

        await RpcAssert.InvalidFields(() => _client.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten, Tomorrow())).ResponseAsync, "enrolled_on");

        Assert.Empty(await ListAllAsync(agreementId));
    }

    [Fact]
    public async Task A_participant_never_enrolled_is_not_found()
    {
        const string id = "21-0123456789abcdef-p000001";
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.RecordProgressAsync(StartJobPreparation(id, Day2)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = "21-0123456789abcdef" }).ResponseAsync);
    }

    // --- privacy --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task The_personal_identity_number_appears_nowhere_in_what_the_api_returns()
    {
        var (agreementId, tracks) = await SignedYouthAsync(Hudiksvall, 5);
        var person = NewPerson();
        var enrolled = (await _client.EnrolParticipantAsync(Enrol(agreementId, person.TwelveWithSeparator))).Participant;
        var id = enrolled.ParticipantId;
        await _client.RecordProgressAsync(StartJobPreparation(id, Day2));
        await _client.RecordProgressAsync(ChoosePath(id, PathChoice.Work, Day3));
        await _client.RecordProgressAsync(StartJobTrack(id, tracks[0], Day4));

        var got = await GetAsync(id);
        var listed = await ListAllAsync(agreementId);
        var responses = new IMessage[] { enrolled, got, new ListParticipantsResponse { Participants = { listed } } };
        var pseudonym = new Dua.Domain.Pseudonymizer(Convert.FromBase64String(InMemorySiloFactory.PseudonymKey))
            .Pseudonymize(Dua.Domain.PersonalIdentityNumber.Parse(person.Ten, DateOnly.FromDateTime(DateTime.UtcNow)));

        foreach (var response in responses)
        {
            var json = JsonFormatter.Default.Format(response);
            var text = response.ToString();
            foreach (var secret in person.Notations.Append(pseudonym))
            {
                Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Task<(string AgreementId, string[] JobTrackIds)> SignedYouthAsync(string municipalityCode = Hudiksvall, params int[] places) =>
        SignedAgreementAsync(_agreements, AgreementKind.Youth, municipalityCode, places);

    private async Task<string> EnrolAsync(string agreementId, string on = Day1) =>
        (await _client.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten, on))).Participant.ParticipantId;

    private async Task<string> InModule2Async(string agreementId)
    {
        var id = await EnrolAsync(agreementId);
        await _client.RecordProgressAsync(StartJobPreparation(id, Day2));
        return id;
    }

    /// <summary>A participant in module 2 who chose WORK on <see cref="ParticipantRequests.Day3"/>.</summary>
    private async Task<string> ReadyForTrackAsync(string agreementId)
    {
        var id = await InModule2Async(agreementId);
        await _client.RecordProgressAsync(ChoosePath(id, PathChoice.Work, Day3));
        return id;
    }

    private async Task<string> OnTrackAsync(string agreementId, string jobTrackId)
    {
        var id = await ReadyForTrackAsync(agreementId);
        await _client.RecordProgressAsync(StartJobTrack(id, jobTrackId, Day4));
        return id;
    }

    private async Task<Participant> GetAsync(string participantId) =>
        (await _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = participantId })).Participant;

    private async Task<JobTrack> TrackAsync(string agreementId, string jobTrackId) =>
        (await _agreements.GetAgreementAsync(new GetAgreementRequest { AgreementId = agreementId })).Agreement.JobTracks.Single(t => t.JobTrackId == jobTrackId);

    private async Task<List<Participant>> ListAllAsync(string agreementId, string jobTrackId = "", int pageSize = 0)
    {
        var request = new ListParticipantsRequest { AgreementId = agreementId, JobTrackId = jobTrackId, PageSize = pageSize };
        var all = new List<Participant>();
        var pages = 0;
        do
        {
            var page = await _client.ListParticipantsAsync(request);
            all.AddRange(page.Participants);
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && ++pages < 100);

        Assert.Equal(all.Select(p => p.ParticipantId).Order(StringComparer.Ordinal), all.Select(p => p.ParticipantId));
        Assert.Equal(all.Count, all.Select(p => p.ParticipantId).Distinct().Count());
        return all;
    }

    /// <summary>The step is refused for the rule, and the participant is left as it was.</summary>
    private async Task StepRefusedBecause(string rule, RecordProgressRequest step)
    {
        var before = await GetAsync(step.ParticipantId);
        await RefusedBecause(rule, () => _client.RecordProgressAsync(step).ResponseAsync);
        Assert.Equal(before, await GetAsync(step.ParticipantId));
    }

    private async Task StepInvalid(string field, RecordProgressRequest step)
    {
        var before = await GetAsync(step.ParticipantId);
        await RpcAssert.InvalidFields(() => _client.RecordProgressAsync(step).ResponseAsync, field);
        Assert.Equal(before, await GetAsync(step.ParticipantId));
    }

    /// <summary>FAILED_PRECONDITION naming the rule broken in its google.rpc.PreconditionFailure.</summary>
    private static async Task<RpcException> RefusedBecause(string rule, Func<Task> call)
    {
        var e = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, call);
        var failure = e.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.Equal(rule, Assert.Single(failure.Violations).Subject);
        return e;
    }
}
