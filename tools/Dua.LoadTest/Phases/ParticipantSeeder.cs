using Dua.Contracts.V1;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>
/// Enrols the plan's participants and records their steps, one participant at a time per worker. Participants
/// are taken in plan order, which scatters them over municipalities (each is drawn by size), so the workers
/// enrol into many agreements at once: the platform admits one enrolment at a time per agreement.
/// On a seeded platform the enrolment is recognised as a retry and answers the participant with its history;
/// steps already in that history (by request id) are not sent again.
/// </summary>
public static class ParticipantSeeder
{
    /// <summary>The rule the platform names when a person already has an open process.</summary>
    public const string OneOpenProcess = "already has an open process";

    public static async Task SeedAsync(RunContext context, PhaseRecorder phase, IReadOnlyDictionary<string, SeededAgreement> agreements)
    {
        var total = context.Options.Participants;
        long next = -1;
        long done = 0;
        await using (ProgressBar.OnStandardError(() => new ProgressState(
            $"{phase.Name}: participants", Volatile.Read(ref done), total, phase.TotalCalls, phase.TotalErrors, phase.Elapsed)))
        {
            var workers = Enumerable.Range(0, context.Options.Concurrency).Select(w => Task.Run(async () =>
            {
                var client = new ParticipantService.ParticipantServiceClient(context.Channels.For(w));
                long index;
                while ((index = Interlocked.Increment(ref next)) < total && !context.Cancellation.IsCancellationRequested)
                {
                    await SeedOneAsync(context, phase, client, agreements, context.Plan.Participant(index));
                    Interlocked.Increment(ref done);
                }
            }));
            await Task.WhenAll(workers);
        }
    }

    private static async Task SeedOneAsync(
        RunContext context, PhaseRecorder phase, ParticipantService.ParticipantServiceClient client,
        IReadOnlyDictionary<string, SeededAgreement> agreements, ParticipantPlan plan)
    {
        CountPlanned(phase, plan);
        if (!agreements.TryGetValue(plan.Agreement.Key, out var agreement) || agreement.Status != AgreementStatus.Signed)
        {
            phase.Count("participants skipped: agreement not signed");
            return;
        }

        var runner = context.Seeding;
        var enrolment = StepRequests.Enrolment(context.Plan, plan, agreement.AgreementId);
        var enrolled = await runner.RunAsync(phase, phase.Operation("EnrolParticipant"), (client, enrolment),
            static (s, o) => s.client.EnrolParticipantAsync(s.enrolment, o), context.Cancellation);
        if (!enrolled.Ok)
        {
            // A person of another data set (another seed or as-of date) may hold this number with a process open.
            phase.Count(enrolled.Refused(OneOpenProcess) ? "participants skipped: person has an open process elsewhere" : "participants failed");
            return;
        }

        var participant = enrolled.Response!.Participant;
        var recorded = participant.History.Select(e => e.RequestId).ToHashSet(StringComparer.Ordinal);
        phase.Count("participants enrolled");
        for (var n = 0; n < plan.Steps.Count; n++)
        {
            var requestId = context.Plan.Ids.Step(plan.Index, n + 1);
            if (recorded.Contains(requestId))
            {
                phase.Count("steps already recorded");
                continue;
            }

            var step = plan.Steps[n];
            var request = StepRequests.For(requestId, participant.ParticipantId, step.Kind, step.On, step.Path,
                step.Kind == StepKind.StartJobTrack ? agreement.JobTrackId(step.JobTrackNumber) : null, step.Outcome);
            var result = await runner.RunAsync(phase, phase.Operation("RecordProgress"), (client, request),
                static (s, o) => s.client.RecordProgressAsync(s.request, o), context.Cancellation);
            if (!result.Ok)
            {
                phase.Count("participants failed");
                return;
            }

            phase.Count("steps recorded");
        }
    }

    // What the data set holds at the as-of date, by plan: where participants are and how those who left, left.
    private static void CountPlanned(PhaseRecorder phase, ParticipantPlan plan)
    {
        phase.Count(plan.Agreement.Kind == AgreementKind.Newcomers ? "plan: newcomers" : "plan: youth");
        if (plan.Exited)
        {
            phase.Count($"plan: exited {plan.Steps[^1].Outcome}");
        }
        else
        {
            phase.Count($"plan: active in module {plan.CurrentModule}");
        }
    }
}
