using System.Collections.Concurrent;
using Dua.Contracts.V1;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>
/// Creates the plan's agreements, adds their job tracks and signs them. Every request carries the plan's request
/// id, so on a seeded platform each call is recognised as a retry and answers what is there (the agreement id
/// and the job track ids): cheap enough to run again whenever a phase needs the ids.
/// </summary>
public static class AgreementSeeder
{
    public static async Task<IReadOnlyDictionary<string, SeededAgreement>> SeedAsync(RunContext context, PhaseRecorder phase)
    {
        var seeded = new ConcurrentDictionary<string, SeededAgreement>(StringComparer.Ordinal);
        var agreements = context.Plan.Agreements;
        long done = 0;
        await using (ProgressBar.OnStandardError(() => new ProgressState(
            $"{phase.Name}: agreements", Volatile.Read(ref done), agreements.Count, phase.TotalCalls, phase.TotalErrors, phase.Elapsed)))
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency, CancellationToken = context.Cancellation };
            var worker = 0;
            await Parallel.ForEachAsync(agreements, options, async (plan, cancellation) =>
            {
                var client = new AgreementService.AgreementServiceClient(context.Channels.For(Interlocked.Increment(ref worker)));
                if (await SeedOneAsync(context, phase, client, plan, cancellation) is { } agreement)
                {
                    seeded[plan.Key] = agreement;
                }

                Interlocked.Increment(ref done);
            });
        }

        var signed = seeded.Values.Count(a => a.Status == AgreementStatus.Signed);
        phase.Count("agreements planned", agreements.Count);
        phase.Count("agreements signed", signed);
        phase.Count("agreements youth signed", seeded.Values.Count(a => a.Status == AgreementStatus.Signed && a.Plan.Kind == AgreementKind.Youth));
        phase.Count("agreements newcomers signed", seeded.Values.Count(a => a.Status == AgreementStatus.Signed && a.Plan.Kind == AgreementKind.Newcomers));
        phase.Count("job tracks", seeded.Values.Sum(a => a.JobTrackIds.Count));
        if (signed < agreements.Count)
        {
            phase.Note($"{agreements.Count - signed} of {agreements.Count} planned agreements are not SIGNED (failed, or superseded by a later data set): their participants are skipped.");
        }

        return seeded;
    }

    private static async Task<SeededAgreement?> SeedOneAsync(
        RunContext context, PhaseRecorder phase, AgreementService.AgreementServiceClient client, AgreementPlan plan, CancellationToken cancellation)
    {
        var runner = context.Seeding;
        var created = await runner.RunAsync(phase, phase.Operation("CreateAgreement"), (client, plan.Create),
            static (s, o) => s.client.CreateAgreementAsync(s.Item2, o), cancellation);
        if (!created.Ok)
        {
            return null;
        }

        var agreementId = created.Response!.Agreement.AgreementId;
        var trackIds = new List<string>(plan.JobTracks.Count);
        foreach (var track in plan.JobTracks)
        {
            var request = new AddJobTrackRequest { RequestId = track.RequestId, AgreementId = agreementId, JobTrack = track.Spec };
            var added = await runner.RunAsync(phase, phase.Operation("AddJobTrack"), (client, request),
                static (s, o) => s.client.AddJobTrackAsync(s.request, o), cancellation);
            if (!added.Ok)
            {
                return null;
            }

            trackIds.Add(added.Response!.JobTrackId);
        }

        var sign = new SignAgreementRequest
        {
            RequestId = context.Plan.Ids.SignAgreement(plan.RequestId),
            AgreementId = agreementId,
            ValidFrom = DataSetPlan.Iso(plan.ValidFrom),
            ValidTo = DataSetPlan.Iso(plan.ValidTo),
        };
        var signed = await runner.RunAsync(phase, phase.Operation("SignAgreement"), (client, sign),
            static (s, o) => s.client.SignAgreementAsync(s.sign, o), cancellation);
        return signed.Ok ? new SeededAgreement(plan, agreementId, signed.Response!.Agreement.Status, trackIds) : null;
    }
}
