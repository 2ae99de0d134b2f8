using Dua.Contracts.V1;
using Dua.LoadTest.Measurement;

namespace Dua.LoadTest.Phases;

/// <summary>
/// Builds the national data set through the public API: checks the 290 municipalities are served, then the
/// agreements with their job tracks, twelve months of labour-market figures per municipality, and the
/// participants with their steps.
/// </summary>
public static class SeedPhase
{
    public static async Task RunAsync(RunContext context, PhaseRecorder phase)
    {
        await CheckMunicipalitiesAsync(context, phase);
        context.Agreements = await AgreementSeeder.SeedAsync(context, phase);
        await ReportFiguresAsync(context, phase);
        await ParticipantSeeder.SeedAsync(context, phase, context.Agreements);
    }

    // The platform loads the SCB code list itself at start-up; the data set hangs on all of it being there.
    private static async Task CheckMunicipalitiesAsync(RunContext context, PhaseRecorder phase)
    {
        var client = new MunicipalityService.MunicipalityServiceClient(context.Channels.For(0));
        var served = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListMunicipalitiesRequest { PageSize = 100 };
        do
        {
            var page = await context.Seeding.RunAsync(phase, phase.Operation("ListMunicipalities"), (client, request),
                static (s, o) => s.client.ListMunicipalitiesAsync(s.request, o), context.Cancellation);
            if (!page.Ok)
            {
                throw new PhaseFailedException($"listing the municipalities failed: {page.Status.StatusCode} ({page.Status.Detail})");
            }

            served.UnionWith(page.Response!.Municipalities.Select(m => m.MunicipalityCode));
            request = new ListMunicipalitiesRequest { PageSize = 100, PageToken = page.Response.NextPageToken };
        }
        while (request.PageToken.Length > 0);

        var missing = context.Plan.Municipalities.Where(m => !served.Contains(m.Code)).Select(m => m.Code).ToArray();
        phase.Count("municipalities served", served.Count);
        if (missing.Length > 0)
        {
            phase.Note($"The target does not serve {missing.Length} municipalities of the plan: {string.Join(", ", missing.Take(10))}{(missing.Length > 10 ? ", ..." : "")}.");
        }
    }

    private static async Task ReportFiguresAsync(RunContext context, PhaseRecorder phase)
    {
        var figures = context.Plan.MonthlyFigures().ToArray();
        long done = 0;
        await using (ProgressBar.OnStandardError(() => new ProgressState(
            $"{phase.Name}: labour-market figures", Volatile.Read(ref done), figures.Length, phase.TotalCalls, phase.TotalErrors, phase.Elapsed)))
        {
            var worker = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency, CancellationToken = context.Cancellation };
            await Parallel.ForEachAsync(figures, options, async (request, cancellation) =>
            {
                var client = new LabourMarketService.LabourMarketServiceClient(context.Channels.For(Interlocked.Increment(ref worker)));
                var reported = await context.Seeding.RunAsync(phase, phase.Operation("ReportMonthlyFigures"), (client, request),
                    static (s, o) => s.client.ReportMonthlyFiguresAsync(s.request, o), cancellation);
                phase.Count(reported.Ok ? "monthly figures reported" : "monthly figures failed");
                Interlocked.Increment(ref done);
            });
        }
    }
}
