using System.Diagnostics;
using Dua.Contracts.V1;
using Dua.LoadTest.Client;
using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Measurement;
using Dua.ReferenceData;
using Grpc.Core;
using Grpc.Health.V1;

namespace Dua.LoadTest.Phases;

/// <summary>
/// The read workload: GetRegionSummary over the 21 counties in turn (or one county, for a hot spot), or the
/// health check as the ceiling a trivial method reaches on the same path, for the given duration. Nothing is
/// retried: an error is part of the figure. Requests are built once and shared, to keep the client's own cost
/// per call down.
/// </summary>
public static class ReadPhase
{
    public const string RegionSummary = "GetRegionSummary";
    public const string HealthCheck = "Health/Check";

    public static async Task RunAsync(RunContext context, PhaseRecorder phase)
    {
        var options = context.Options;
        var regions = options.Region is { } region ? [region] : Geography.Sweden.Counties.Select(c => c.Code).ToArray();
        var summaries = regions.Select(code => new GetRegionSummaryRequest { RegionCode = code }).ToArray();
        var health = new HealthCheckRequest();
        var operation = options.ReadMethod == ReadMethod.Health ? HealthCheck : RegionSummary;
        var runner = CallRunner.NoRetries(options.Timeout);
        var stopAt = Stopwatch.GetTimestamp() + (long)((options.Warmup + options.Duration).TotalSeconds * Stopwatch.Frequency);
        var measuring = options.Warmup <= TimeSpan.Zero;

        await using (ProgressBar.OnStandardError(() => new ProgressState(
            measuring ? phase.Name : $"{phase.Name}: warm-up", phase.Operation(operation).Calls, 0, phase.TotalCalls, phase.TotalErrors, phase.Elapsed,
            TimeSpan.FromSeconds(Math.Max(0, (double)(stopAt - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)))))
        {
            var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
            {
                var channel = context.Channels.For(w);
                var statistics = new StatisticsService.StatisticsServiceClient(channel);
                var checks = new Health.HealthClient(channel);
                for (var i = w; Stopwatch.GetTimestamp() < stopAt && !context.Cancellation.IsCancellationRequested; i++)
                {
                    var stats = phase.Operation(operation);
                    if (options.ReadMethod == ReadMethod.Health)
                    {
                        await runner.RunAsync(phase, stats, (checks, health), static (s, o) => s.checks.CheckAsync(s.health, o));
                    }
                    else
                    {
                        await runner.RunAsync(phase, stats, (statistics, summaries[i % summaries.Length]),
                            static (s, o) => s.statistics.GetRegionSummaryAsync(s.Item2, o));
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

        if (options.ReadMethod == ReadMethod.RegionSummary)
        {
            phase.Count("counties read in turn", regions.Length);
        }

        if (phase.Operation(operation).CountOf(StatusCode.Unimplemented) > 0)
        {
            phase.Note($"{operation} answered UNIMPLEMENTED: the target does not serve that method (yet).");
        }
    }
}
