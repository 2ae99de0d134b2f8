using Dua.Testing.Requests;
using Dua.Testing;
using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Dua.Contracts.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Xunit.Abstractions;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// Random sequences of enrolments, steps and retried requests, mostly valid with some fields spoiled, against a
/// signed agreement with two one-place job tracks and a closed one. Every answer is the one a small model of
/// the rules predicts (OK, or a refusal naming one of the rules or fields the request breaks), a refused request
/// changes nothing, and every participant touched keeps the invariants of the process.
/// </summary>
public sealed partial class ParticipantPropertyTests(InMemorySiloFactory silo, ITestOutputHelper output) : IClassFixture<InMemorySiloFactory>
{
    private const int Iterations = 200;
    private const int Valid = 30;
    private const int NextStep = 5;
    private const string UnknownAgreement = "21-0123456789abcdef";
    private static readonly DateOnly Start = new(2025, 1, 1);

    private readonly ParticipantService.ParticipantServiceClient _client = new(silo.Channel);
    private readonly AgreementService.AgreementServiceClient _agreements = new(silo.Channel);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}$")]
    private static partial Regex AgreementIdPattern();

    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}-p[0-9]{6,9}$")]
    private static partial Regex ParticipantIdPattern();

    [GeneratedRegex("^t[0-9]{1,6}$")]
    private static partial Regex JobTrackIdPattern();

    private abstract record Op;

    /// <summary>Person and Notation pick one of the sample's four people; Number, when set, replaces the number.</summary>
    private sealed record EnrolOp(int Person, int Notation, string? Number, int Agreement, AgeBand AgeBand, TargetGroup[] Groups, DateSpec Date) : Op;

    /// <summary>
    /// Target picks one of the participants enrolled so far (or, at 20, one that does not exist). Kind 0-3 is a
    /// step, 4 none, and <see cref="NextStep"/> the step that would take the participant on, so that many reach
    /// module 3 and fill the tracks.
    /// </summary>
    private sealed record StepOp(int Target, int Kind, PathChoice Choice, string Track, ExitOutcome Outcome, DateSpec Date) : Op;

    private sealed record RetryOp(int Earlier, bool Altered) : Op;

    /// <summary>Days after the sample's previous date (negative goes back), or a fixed junk text.</summary>
    private sealed record DateSpec(int Days, string? Junk);

    private static Gen<T> Mostly<T>(Gen<T> valid, Gen<T> junk) => Gen.Frequency((Valid, (IGen<T>)valid), (1, junk));

    private static Gen<T> Enum<T>(params T[] defined)
        where T : struct, System.Enum =>
        Mostly(Gen.OneOf(defined), Gen.Frequency((1, (IGen<T>)Gen.Const(default(T))), (1, Gen.Int[-3, 120].Select(i => (T)(object)i))));

    private static readonly Gen<DateSpec> Dates = Gen.Frequency(
        (Valid, (IGen<DateSpec>)Gen.Int[0, 20].Select(d => new DateSpec(d, null))),
        (3, Gen.Int[-10, -1].Select(d => new DateSpec(d, null))),
        (1, Gen.Const(new DateSpec(0, "future"))),
        (1, Gen.OneOf("", "2026-02-30", "2026-2-2", "1999-12-31", "2101-01-01", "yesterday").Select(j => new DateSpec(0, j))));

    private static readonly Gen<string?> Numbers = Gen.Frequency(
        (Valid, (IGen<string?>)Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>("811218-9875", "811318-9873", "811218-987", "", "8112189876123", "21000101-0008", "abcdefghij")));

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (3, (IGen<Op>)Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Numbers, Gen.Frequency((12, (IGen<int>)Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2))),
            Enum(AgeBand._1619, AgeBand._2024, AgeBand._5064),
            Mostly(Gen.OneOf(new[] { TargetGroup.Youth }, new[] { TargetGroup.Youth, TargetGroup.Newcomers }), Enum(TargetGroup.Youth).Array[0, 2]),
            Dates,
            (person, notation, number, agreement, ageBand, groups, date) => (Op)new EnrolOp(person, notation, number, agreement, ageBand, groups, date))),
        (8, Gen.Select(Gen.Int[0, 20], Gen.Frequency((Valid, (IGen<int>)Gen.Int[0, 3]), (Valid, Gen.Const(NextStep)), (1, Gen.Const(4))),
            Mostly(Gen.Frequency((3, (IGen<PathChoice>)Gen.Const(PathChoice.Work)), (1, Gen.Const(PathChoice.Studies))), Enum(PathChoice.Work)),
            Mostly(Gen.Frequency((3, (IGen<string>)Gen.Const("t1")), (3, Gen.Const("t2")), (1, Gen.Const("t3"))), Gen.OneOf("t9", "", "x1")),
            Enum(ExitOutcome.Employment, ExitOutcome.SubsidisedEmployment, ExitOutcome.RegularStudies, ExitOutcome.Other, ExitOutcome.Unknown),
            Dates,
            (target, kind, choice, track, outcome, date) => (Op)new StepOp(target, kind, choice, track, outcome, date))),
        (2, Gen.Select(Gen.Int[0, 30], Gen.Bool, (earlier, altered) => (Op)new RetryOp(earlier, altered))));

    /// <summary>What one sample works on: its agreements, people, the participants made so far and the requests sent.</summary>
    private sealed class Sample(string agreementId, string draftId, ParticipantRequests.Person[] people)
    {
        public string AgreementId { get; } = agreementId;
        public string DraftId { get; } = draftId;
        public ParticipantRequests.Person[] People { get; } = people;
        public List<string> Participants { get; } = [];
        public Dictionary<string, List<string>> ParticipantsOf { get; } = [];
        public int Admitted { get; set; }
        public int Day { get; set; }
        public List<IMessage> Sent { get; } = [];

        /// <summary>Succeeded requests by id: their content and the participant they made or changed.</summary>
        public Dictionary<string, (IMessage Request, string ParticipantId)> Succeeded { get; } = [];
    }

    [Fact]
    public async Task Random_enrolments_and_steps_get_the_predicted_answers_and_participants_keep_their_invariants()
    {
        var outcomes = new Dictionary<string, int>();
        var draft = (await _agreements.CreateAgreementAsync(Youth(Gavle))).Agreement.AgreementId;
        await Ops.Array[1, 30].SampleAsync(async ops => await RunAsync(ops, draft, outcomes), iter: Iterations, threads: 1);
        output.WriteLine(Describe(outcomes));

        // The generators must reach both sides of the rules, or the property says little.
        Assert.True(outcomes.GetValueOrDefault("Enrol:OK") > 50, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("Step:OK") > 100, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("Enrol:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("Step:InvalidArgument") > 5, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault("Retry:OK") > 0, Describe(outcomes));
        foreach (var rule in new[] { "one-open-process-per-person", "agreement-not-in-force", "job-preparation-follows-module-1", "path-choice-ends-module-2", "job-track-needs-work-path", "job-track-full", "job-track-closed", "participant-exited" })
        {
            Assert.True(outcomes.Keys.Any(k => k.EndsWith(":" + rule, StringComparison.Ordinal)), $"{rule} never reached: {Describe(outcomes)}");
        }
    }

    private async Task RunAsync(Op[] ops, string draftId, Dictionary<string, int> outcomes)
    {
        var (agreementId, _) = await SignedAgreementAsync(_agreements, AgreementKind.Youth, Hudiksvall, 1, 1, 5);
        await _agreements.CloseJobTrackAsync(new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = agreementId, JobTrackId = "t3" });
        var sample = new Sample(agreementId, draftId, [NewPerson(), NewPerson(), NewPerson(), NewPerson()]);

        foreach (var op in ops)
        {
            var request = await PrepareAsync(op, sample);
            if (request is null)
            {
                continue;
            }

            var name = op is RetryOp ? "Retry" : request is EnrolParticipantRequest ? "Enrol" : "Step";
            var expected = await PredictAsync(request, sample);
            var target = request is RecordProgressRequest step ? step.ParticipantId : null;
            var before = target is null ? null : await TryGetAsync(target);
            var count = await CountAsync(sample.AgreementId);

            var (status, subject, participant) = await SendAsync(request);
            Count(outcomes, $"{name}:{status}");
            if (request is RecordProgressRequest { StepCase: var stepCase })
            {
                Count(outcomes, $"{name}:{stepCase}:{status}");
            }

            if (subject is not null)
            {
                Count(outcomes, $"{name}:{subject}");
            }

            var context = $"{request.Descriptor.Name} {request} answered {status} {subject}; expected {Describe(expected)}; before {before}";
            if (expected.Ok)
            {
                Assert.True(status == StatusCode.OK, context);
                Assert.NotNull(participant);
                await AcceptAsync(request, participant, before, expected, sample, context);
            }
            else
            {
                Assert.True(status != StatusCode.OK, context);
                Assert.True(expected.Refusals.Contains((status, subject)) || (status == StatusCode.NotFound && expected.Refusals.Contains((status, null))), context);
                if (target is not null)
                {
                    Assert.Equal(before, await TryGetAsync(target));
                }

                Assert.Equal(count, await CountAsync(sample.AgreementId));
            }

            if (op is not RetryOp)
            {
                sample.Sent.Add(request);
            }

            foreach (var id in sample.Participants)
            {
                await AssertInvariantsAsync(id);
            }

            foreach (var people in sample.ParticipantsOf.Values)
            {
                var active = 0;
                foreach (var id in people)
                {
                    active += (await TryGetAsync(id))!.Status == ParticipantStatus.Active ? 1 : 0;
                }

                Assert.True(active <= 1, $"a person has {active} open processes");
            }

            await AssertTracksAsync(sample.AgreementId);
        }
    }

    private async Task<IMessage?> PrepareAsync(Op op, Sample sample)
    {
        string DateOf(DateSpec spec)
        {
            if (spec.Junk is { } junk)
            {
                return junk == "future" ? Tomorrow() : junk;
            }

            sample.Day = Math.Max(0, sample.Day + spec.Days);
            return Date(Start.AddDays(sample.Day));
        }

        switch (op)
        {
            case EnrolOp e:
                var person = sample.People[e.Person];
                var request = new EnrolParticipantRequest
                {
                    RequestId = NewRequestId(),
                    AgreementId = e.Agreement switch { 0 => sample.AgreementId, 1 => sample.DraftId, _ => UnknownAgreement },
                    PersonalIdentityNumber = e.Number ?? person.Notations.ElementAt(e.Notation),
                    AgeBand = e.AgeBand,
                    TargetGroups = { e.Groups },
                    EnrolledOn = DateOf(e.Date),
                };
                return request;
            case StepOp s when sample.Participants.Count > 0 || s.Target == 20:
                var step = new RecordProgressRequest
                {
                    RequestId = NewRequestId(),
                    ParticipantId = sample.Participants.Count > 0 && s.Target < 20 ? sample.Participants[^(1 + s.Target % sample.Participants.Count)] : $"{sample.AgreementId}-p000999",
                    OccurredOn = DateOf(s.Date),
                };
                var kind = s.Kind;
                if (kind == NextStep)
                {
                    // The latest participant still on the way through modules 1 and 2, if any.
                    foreach (var id in Enumerable.Reverse(sample.Participants))
                    {
                        if (await TryGetAsync(id) is { Status: ParticipantStatus.Active, CurrentModule: < 3 })
                        {
                            step.ParticipantId = id;
                            break;
                        }
                    }

                    var current = await TryGetAsync(step.ParticipantId);
                    kind = current is null ? 0 : (current.CurrentModule, current.PathChoice) switch
                    {
                        (1, _) => 0,
                        (2, PathChoice.Unspecified) => 1,
                        (2, PathChoice.Work) => 2,
                        (2, _) => 3,
                        // In module 3 or exited, the random steps decide: this one is refused.
                        _ => 1,
                    };
                }

                switch (kind)
                {
                    case 0: step.StartJobPreparation = new(); break;
                    case 1: step.ChoosePath = new() { PathChoice = s.Choice }; break;
                    case 2: step.StartJobTrack = new() { JobTrackId = s.Track }; break;
                    case 3: step.Exit = new() { Outcome = s.Outcome }; break;
                }

                return step;
            case RetryOp r when sample.Sent.Count > 0:
                var earlier = sample.Sent[r.Earlier % sample.Sent.Count];
                if (!r.Altered)
                {
                    return Copy(earlier);
                }

                var altered = Copy(earlier);
                switch (altered)
                {
                    case EnrolParticipantRequest x: x.AgeBand = x.AgeBand == AgeBand._3039 ? AgeBand._4049 : AgeBand._3039; break;
                    case RecordProgressRequest x: x.OccurredOn = x.OccurredOn == Day1 ? Day2 : Day1; break;
                }

                return altered;
            default:
                return null;
        }
    }

    /// <summary>The answer the rules allow: OK, or one of the refusals (status and rule, field or, for NOT_FOUND, null).</summary>
    private sealed record Expected(bool Ok, HashSet<(StatusCode, string?)> Refusals, bool Replay);

    private static string Describe(Expected e) => e.Ok ? "OK" + (e.Replay ? " (replay)" : "") : string.Join(" or ", e.Refusals.Select(r => $"{r.Item1} {r.Item2}"));

    private async Task<Expected> PredictAsync(IMessage request, Sample sample)
    {
        var invalid = request switch
        {
            EnrolParticipantRequest e => ShapeErrors(e),
            RecordProgressRequest s => ShapeErrors(s),
            _ => throw new InvalidOperationException(),
        };
        if (invalid.Count > 0)
        {
            // Every bad field at once: the exact set is checked when the answer comes.
            return new Expected(false, [(StatusCode.InvalidArgument, string.Join(",", invalid.Order(StringComparer.Ordinal)))], false);
        }

        var requestId = (string)request.Descriptor.FindFieldByName("request_id").Accessor.GetValue(request);
        if (sample.Succeeded.TryGetValue(requestId, out var earlier))
        {
            return earlier.Request.Equals(request)
                ? new Expected(true, [], true)
                : new Expected(false, [(StatusCode.InvalidArgument, "request_id")], false);
        }

        var refusals = new HashSet<(StatusCode, string?)>();
        switch (request)
        {
            case EnrolParticipantRequest e:
                if (e.AgreementId == UnknownAgreement)
                {
                    refusals.Add((StatusCode.NotFound, null));
                }
                else if (e.AgreementId == sample.DraftId)
                {
                    refusals.Add((StatusCode.FailedPrecondition, "agreement-not-in-force"));
                }

                foreach (var id in sample.ParticipantsOf.TryGetValue(PersonOf(e), out var ids) ? ids : [])
                {
                    if ((await TryGetAsync(id))!.Status == ParticipantStatus.Active)
                    {
                        refusals.Add((StatusCode.FailedPrecondition, "one-open-process-per-person"));
                    }
                }

                break;
            case RecordProgressRequest s:
                var participant = await TryGetAsync(s.ParticipantId);
                if (participant is null)
                {
                    refusals.Add((StatusCode.NotFound, null));
                    break;
                }

                if (participant.Status == ParticipantStatus.Exited)
                {
                    refusals.Add((StatusCode.FailedPrecondition, "participant-exited"));
                }

                if (string.CompareOrdinal(s.OccurredOn, participant.History[^1].OccurredOn) < 0)
                {
                    refusals.Add((StatusCode.InvalidArgument, "occurred_on"));
                }

                switch (s.StepCase)
                {
                    case RecordProgressRequest.StepOneofCase.StartJobPreparation when participant.CurrentModule != 1:
                        refusals.Add((StatusCode.FailedPrecondition, "job-preparation-follows-module-1"));
                        break;
                    case RecordProgressRequest.StepOneofCase.ChoosePath when participant.CurrentModule != 2:
                        refusals.Add((StatusCode.FailedPrecondition, "path-choice-ends-module-2"));
                        break;
                    case RecordProgressRequest.StepOneofCase.ChoosePath when participant.PathChoice != PathChoice.Unspecified:
                        refusals.Add((StatusCode.FailedPrecondition, "path-already-chosen"));
                        break;
                    case RecordProgressRequest.StepOneofCase.StartJobTrack:
                        if (participant.CurrentModule != 2 || participant.PathChoice != PathChoice.Work)
                        {
                            refusals.Add((StatusCode.FailedPrecondition, "job-track-needs-work-path"));
                        }

                        var track = (await _agreements.GetAgreementAsync(new GetAgreementRequest { AgreementId = participant.AgreementId }))
                            .Agreement.JobTracks.SingleOrDefault(t => t.JobTrackId == s.StartJobTrack.JobTrackId);
                        if (track is null)
                        {
                            refusals.Add((StatusCode.NotFound, null));
                        }
                        else if (!track.Open)
                        {
                            refusals.Add((StatusCode.FailedPrecondition, "job-track-closed"));
                        }
                        else if (track.PlacesTaken >= track.Places)
                        {
                            refusals.Add((StatusCode.FailedPrecondition, "job-track-full"));
                        }

                        break;
                }

                break;
        }

        return new Expected(refusals.Count == 0, refusals, false);
    }

    /// <summary>Checks an OK answer against the state before, and records what it made.</summary>
    private async Task AcceptAsync(IMessage request, Participant participant, Participant? before, Expected expected, Sample sample, string context)
    {
        var requestId = (string)request.Descriptor.FindFieldByName("request_id").Accessor.GetValue(request);
        if (expected.Replay)
        {
            Assert.True(sample.Succeeded[requestId].ParticipantId == participant.ParticipantId, context);
            if (before is not null)
            {
                Assert.True(before.Equals(participant), $"a retried step changed the participant: {context}");
            }

            return;
        }

        sample.Succeeded[requestId] = (Copy(request), participant.ParticipantId);
        switch (request)
        {
            case EnrolParticipantRequest e:
                sample.Admitted++;
                Assert.Equal($"{sample.AgreementId}-p{sample.Admitted:D6}", participant.ParticipantId);
                Assert.Equal((ParticipantStatus.Active, 1, 1L, e.EnrolledOn), (participant.Status, participant.CurrentModule, participant.Version, participant.History.Single().OccurredOn));
                sample.Participants.Add(participant.ParticipantId);
                var person = PersonOf(e);
                sample.ParticipantsOf.TryAdd(person, []);
                sample.ParticipantsOf[person].Add(participant.ParticipantId);
                break;
            case RecordProgressRequest s:
                Assert.NotNull(before);
                Assert.True(participant.Version == before.Version + 1, context);
                Assert.True(participant.History.Count == before.History.Count + 1, context);
                Assert.Equal(before.History, participant.History.Take(before.History.Count));
                Assert.Equal((s.OccurredOn, s.RequestId), (participant.History[^1].OccurredOn, participant.History[^1].RequestId));
                var (module, status) = s.StepCase switch
                {
                    RecordProgressRequest.StepOneofCase.StartJobPreparation => (2, ParticipantStatus.Active),
                    RecordProgressRequest.StepOneofCase.ChoosePath => (2, ParticipantStatus.Active),
                    RecordProgressRequest.StepOneofCase.StartJobTrack => (3, ParticipantStatus.Active),
                    _ => (0, ParticipantStatus.Exited),
                };
                Assert.True((module, status) == (participant.CurrentModule, participant.Status), context);
                if (s.StepCase == RecordProgressRequest.StepOneofCase.ChoosePath)
                {
                    Assert.Equal(s.ChoosePath.PathChoice, participant.PathChoice);
                }

                if (s.StepCase == RecordProgressRequest.StepOneofCase.StartJobTrack)
                {
                    Assert.Equal(s.StartJobTrack.JobTrackId, participant.JobTrackId);
                }

                if (s.StepCase == RecordProgressRequest.StepOneofCase.Exit)
                {
                    Assert.Equal(s.Exit.Outcome, participant.Outcome);
                }

                break;
        }

        Assert.Equal(participant, await TryGetAsync(participant.ParticipantId));
    }

    /// <summary>Which of the sample's people the request names (by canonical number), or the number itself for others.</summary>
    private static string PersonOf(EnrolParticipantRequest e) =>
        Dua.Domain.PersonalIdentityNumber.TryParse(e.PersonalIdentityNumber, Today(), out var number, out _) ? number!.Canonical : e.PersonalIdentityNumber;

    private static HashSet<string> ShapeErrors(EnrolParticipantRequest e)
    {
        var errors = new HashSet<string>();
        if (!RequestIdPattern().IsMatch(e.RequestId))
        {
            errors.Add("request_id");
        }

        if (!AgreementIdPattern().IsMatch(e.AgreementId))
        {
            errors.Add("agreement_id");
        }

        if (!Dua.Domain.PersonalIdentityNumber.TryParse(e.PersonalIdentityNumber, Today(), out _, out _))
        {
            errors.Add("personal_identity_number");
        }

        if (!IsKnown(e.AgeBand))
        {
            errors.Add("age_band");
        }

        if (e.TargetGroups.Count is < 1 or > 10)
        {
            errors.Add("target_groups");
        }

        for (var i = 0; i < e.TargetGroups.Count; i++)
        {
            if (!IsKnown(e.TargetGroups[i]))
            {
                errors.Add($"target_groups[{i}]");
            }
        }

        if (!IsDate(e.EnrolledOn))
        {
            errors.Add("enrolled_on");
        }

        return errors;
    }

    private static HashSet<string> ShapeErrors(RecordProgressRequest s)
    {
        var errors = new HashSet<string>();
        if (!RequestIdPattern().IsMatch(s.RequestId))
        {
            errors.Add("request_id");
        }

        if (!ParticipantIdPattern().IsMatch(s.ParticipantId))
        {
            errors.Add("participant_id");
        }

        if (!IsDate(s.OccurredOn))
        {
            errors.Add("occurred_on");
        }

        switch (s.StepCase)
        {
            case RecordProgressRequest.StepOneofCase.None: errors.Add("step"); break;
            case RecordProgressRequest.StepOneofCase.ChoosePath when !IsKnown(s.ChoosePath.PathChoice): errors.Add("choose_path.path_choice"); break;
            case RecordProgressRequest.StepOneofCase.StartJobTrack when !JobTrackIdPattern().IsMatch(s.StartJobTrack.JobTrackId): errors.Add("start_job_track.job_track_id"); break;
            case RecordProgressRequest.StepOneofCase.Exit when !IsKnown(s.Exit.Outcome): errors.Add("exit.outcome"); break;
        }

        return errors;
    }

    private static IMessage Copy(IMessage message) => message.Descriptor.Parser.ParseFrom(message.ToByteArray());

    private static bool IsKnown<T>(T value)
        where T : struct, System.Enum =>
        System.Enum.IsDefined(value) && Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0;

    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date >= new DateOnly(2000, 1, 1) && date <= Today();

    private static DateOnly Today() => Dua.Grains.SwedishCalendar.Today();

    private async Task<(StatusCode Status, string? Subject, Participant? Participant)> SendAsync(IMessage request)
    {
        try
        {
            return request switch
            {
                EnrolParticipantRequest x => (StatusCode.OK, null, (await _client.EnrolParticipantAsync(x)).Participant),
                RecordProgressRequest x => (StatusCode.OK, null, (await _client.RecordProgressAsync(x)).Participant),
                _ => throw new InvalidOperationException(request.Descriptor.FullName),
            };
        }
        catch (RpcException e)
        {
            var status = e.GetRpcStatus();
            var subject = e.StatusCode switch
            {
                StatusCode.FailedPrecondition => status?.GetDetail<PreconditionFailure>()?.Violations.Single().Subject,
                StatusCode.InvalidArgument => string.Join(",", (status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []).Order(StringComparer.Ordinal)),
                _ => null,
            };
            Assert.True(e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition,
                $"{request.Descriptor.Name} {request} answered {e.StatusCode}: {e.Status.Detail}");
            return (e.StatusCode, subject, null);
        }
    }

    private async Task<Participant?> TryGetAsync(string participantId)
    {
        try
        {
            return (await _client.GetParticipantAsync(new GetParticipantRequest { ParticipantId = participantId })).Participant;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
    }

    private async Task<int> CountAsync(string agreementId) =>
        (await _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = agreementId, PageSize = 100 })).Participants.Count;

    private async Task AssertInvariantsAsync(string participantId)
    {
        var p = await TryGetAsync(participantId);
        Assert.NotNull(p);
        var context = p.ToString();
        Assert.True((p.Status == ParticipantStatus.Active) == p.CurrentModule is >= 1 and <= 3, context);
        Assert.True((p.Status == ParticipantStatus.Exited) == (p.CurrentModule == 0), context);
        Assert.True((p.CurrentModule == 3) == (p.JobTrackId.Length > 0), context);
        Assert.True((p.Status == ParticipantStatus.Exited) == (p.Outcome != ExitOutcome.Unspecified), context);
        Assert.True(p.CurrentModule < 3 || p.PathChoice == PathChoice.Work, context);
        Assert.True(p.History.Count == p.Version, context);
        Assert.Equal(ParticipantEventKind.Enrolled, p.History[0].Kind);
        Assert.Equal(p.History.Select(e => e.OccurredOn).Order(StringComparer.Ordinal), p.History.Select(e => e.OccurredOn));
        Assert.All(p.History, e => Assert.NotNull(e.RecordedAt));
        if (p.CurrentModule == 3)
        {
            var onTrack = await _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = p.AgreementId, JobTrackId = p.JobTrackId, PageSize = 100 });
            Assert.Contains(onTrack.Participants, q => q.ParticipantId == p.ParticipantId);
        }
    }

    /// <summary>Every track holds at most its places, and exactly the participants in module 3 on it.</summary>
    private async Task AssertTracksAsync(string agreementId)
    {
        var agreement = (await _agreements.GetAgreementAsync(new GetAgreementRequest { AgreementId = agreementId })).Agreement;
        foreach (var track in agreement.JobTracks)
        {
            Assert.InRange(track.PlacesTaken, 0, track.Places);
            var listed = (await _client.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = agreementId, JobTrackId = track.JobTrackId, PageSize = 100 })).Participants;
            Assert.Equal(track.PlacesTaken, listed.Count);
            Assert.All(listed, p => Assert.Equal((3, track.JobTrackId), (p.CurrentModule, p.JobTrackId)));
        }
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
