using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dua.Contracts.V1;
using Dua.LoadTest.Client;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>
/// The write workload: RecordProgress events on the seeded participants that are still in a process, each the
/// next legal step dated today, for the given duration. A participant who exits is enrolled again (the same
/// person, a new participant), so the workload never runs dry. Every event is acknowledged by the platform only
/// once stored in PostgreSQL.
/// </summary>
public static class ProgressPhase
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Finds active participants of the plan by sending their seeded enrolment again: the platform recognises
    /// the request id and answers the participant as it stands now. Refuses to go on when the platform does not
    /// hold the seeded history (the seed phase was not run for this seed and as-of date).
    /// </summary>
    public static async Task<IReadOnlyCollection<ActiveParticipant>> ResolvePoolAsync(RunContext context, PhaseRecorder phase)
    {
        var agreements = context.Agreements ?? throw new InvalidOperationException("agreements are resolved first");
        var wanted = (int)Math.Min(context.Options.Participants, Math.Max(256, context.Options.Concurrency * 8L));
        var pool = new ConcurrentQueue<ActiveParticipant>();
        long next = -1;
        long notSeeded = 0;
        await using (ProgressBar.OnStandardError(() => new ProgressState(
            $"{phase.Name}: active participants", pool.Count, wanted, phase.TotalCalls, phase.TotalErrors, phase.Elapsed)))
        {
            var workers = Enumerable.Range(0, context.Options.Concurrency).Select(w => Task.Run(async () =>
            {
                var client = new ParticipantService.ParticipantServiceClient(context.Channels.For(w));
                long index;
                while (pool.Count < wanted && Interlocked.Read(ref notSeeded) == 0 &&
                       (index = Interlocked.Increment(ref next)) < context.Options.Participants && !context.Cancellation.IsCancellationRequested)
                {
                    var plan = context.Plan.Participant(index);
                    if (plan.Exited || !agreements.TryGetValue(plan.Agreement.Key, out var agreement) || agreement.Status != AgreementStatus.Signed)
                    {
                        continue;
                    }

                    var enrolment = StepRequests.Enrolment(context.Plan, plan, agreement.AgreementId);
                    var found = await context.Seeding.RunAsync(phase, phase.Operation("EnrolParticipant (resolve)"), (client, enrolment),
                        static (s, o) => s.client.EnrolParticipantAsync(s.enrolment, o), context.Cancellation);
                    if (!found.Ok)
                    {
                        phase.Count("participants not resolved");
                        continue;
                    }

                    var participant = found.Response!.Participant;
                    var lastSeeded = plan.Steps.Count == 0 ? context.Plan.Ids.Enrol(plan.Index) : context.Plan.Ids.Step(plan.Index, plan.Steps.Count);
                    if (!participant.History.Any(e => e.RequestId == lastSeeded))
                    {
                        Interlocked.Increment(ref notSeeded);
                        continue;
                    }

                    if (participant.Status == ParticipantStatus.Exited)
                    {
                        phase.Count("participants exited by an earlier run");
                        continue;
                    }

                    var active = new ActiveParticipant(participant.ParticipantId, plan.Person, plan.TargetGroups, agreement);
                    active.Update(participant);
                    pool.Enqueue(active);
                }
            }));
            await Task.WhenAll(workers);
        }

        if (notSeeded > 0)
        {
            throw new PhaseFailedException(
                $"the platform does not hold the seeded history of participants of data set {context.Plan.Ids.DataSet}: run the seed phase first, with the same --seed, --as-of and --participants");
        }

        phase.Count("active participants found", pool.Count);
        return pool;
    }

    public static async Task RunAsync(RunContext context, PhaseRecorder phase, IReadOnlyCollection<ActiveParticipant> participants)
    {
        if (participants.Count == 0)
        {
            throw new PhaseFailedException("no active participant to move on");
        }

        var options = context.Options;
        var runId = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyMMddHHmmss}{Random.Shared.Next(0x100):x2}");
        phase.Note($"Run id {runId}: request ids of this run's events start with {context.Plan.Ids.DataSet}-r{runId}-.");
        var queue = new ConcurrentQueue<ActiveParticipant>(participants);
        var runner = new CallRunner(options.Timeout, RetryFor);
        long enrolments = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)((options.Warmup + options.Duration).TotalSeconds * Stopwatch.Frequency);
        var measuring = options.Warmup <= TimeSpan.Zero;

        await using (ProgressBar.OnStandardError(() => new ProgressState(
            measuring ? phase.Name : $"{phase.Name}: warm-up", phase.Operation("RecordProgress").Calls, 0, phase.TotalCalls, phase.TotalErrors, phase.Elapsed,
            TimeSpan.FromSeconds(Math.Max(0, (double)(stopAt - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)))))
        {
            var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
            {
                var client = new ParticipantService.ParticipantServiceClient(context.Channels.For(w));
                var random = new PlanRandom(context.Plan.Seed, "progress:" + runId, w);
                while (Stopwatch.GetTimestamp() < stopAt && !context.Cancellation.IsCancellationRequested)
                {
                    if (!queue.TryDequeue(out var participant))
                    {
                        await Task.Delay(1);
                        continue;
                    }

                    if (await MoveOnAsync(context, phase, runner, client, random, runId, participant, () => Interlocked.Increment(ref enrolments)))
                    {
                        queue.Enqueue(participant);
                    }
                }
            })).ToArray();

            if (!measuring)
            {
                await Task.Delay(options.Warmup, context.Cancellation);
                phase.RestartMeasurement();
                measuring = true;
            }

            await Task.WhenAll(workers);
        }
    }

    // One step for one participant; false when the participant drops out of the workload.
    private static async Task<bool> MoveOnAsync(
        RunContext context, PhaseRecorder phase, CallRunner runner, ParticipantService.ParticipantServiceClient client,
        PlanRandom random, string runId, ActiveParticipant participant, Func<long> nextEnrolment)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (participant.Exited)
        {
            var enrolment = new EnrolParticipantRequest
            {
                RequestId = context.Plan.Ids.RunEnrol(runId, nextEnrolment()),
                AgreementId = participant.Agreement.AgreementId,
                PersonalIdentityNumber = participant.Person.PersonalIdentityNumber,
                AgeBand = participant.Person.AgeBandOn(today),
                TargetGroups = { participant.TargetGroups },
                EnrolledOn = DataSetPlan.Iso(today),
            };
            var enrolled = await runner.RunAsync(phase, phase.Operation("EnrolParticipant"), (client, enrolment),
                static (s, o) => s.client.EnrolParticipantAsync(s.enrolment, o));
            if (!enrolled.Ok)
            {
                phase.Count("participants dropped: enrolment failed");
                return false;
            }

            participant.StartAgain(enrolled.Response!.Participant);
            phase.Count("enrolled again after exit");
            return true;
        }

        var (kind, path, track, outcome) = NextStep(participant, random);
        var request = StepRequests.For(
            context.Plan.Ids.RunStep(runId, participant.ParticipantId, ++participant.StepsThisRun), participant.ParticipantId, kind, today, path, track, outcome);
        var result = await runner.RunAsync(phase, phase.Operation("RecordProgress"), (client, request),
            static (s, o) => s.client.RecordProgressAsync(s.request, o));
        if (result.Ok)
        {
            participant.Update(result.Response!.Participant);
            phase.Count($"steps: {StepRequests.Name(kind)}");
            return true;
        }

        if (kind == StepKind.StartJobTrack && (result.Refused("job-track-full") || result.Refused("no free place") || result.Refused("closed")))
        {
            participant.NoTrack = true;
            phase.Count("job track refused a place: exit instead");
            return true;
        }

        phase.Count("participants dropped: step failed");
        return false;
    }

    private static (StepKind Kind, PathChoice Path, string? Track, ExitOutcome Outcome) NextStep(ActiveParticipant participant, PlanRandom random)
    {
        var tracks = participant.Agreement.JobTrackIds;
        return participant.Module switch
        {
            1 => (StepKind.StartJobPreparation, PathChoice.Unspecified, null, ExitOutcome.Unspecified),
            2 when participant.Path == PathChoice.Unspecified =>
                (StepKind.ChoosePath, random.Chance(0.7) ? PathChoice.Work : PathChoice.Studies, null, ExitOutcome.Unspecified),
            2 when participant.Path == PathChoice.Studies => (StepKind.Exit, PathChoice.Unspecified, null, ExitOutcome.RegularStudies),
            2 when tracks.Count > 0 && !participant.NoTrack && random.Chance(0.6) =>
                (StepKind.StartJobTrack, PathChoice.Unspecified, random.Pick(tracks), ExitOutcome.Unspecified),
            2 => (StepKind.Exit, PathChoice.Unspecified, null, ExitOutcome.Employment),
            _ => (StepKind.Exit, PathChoice.Unspecified, null,
                random.Weighted<ExitOutcome>([(ExitOutcome.Employment, 0.6), (ExitOutcome.SubsidisedEmployment, 0.3), (ExitOutcome.Other, 0.1)])),
        };
    }
}
