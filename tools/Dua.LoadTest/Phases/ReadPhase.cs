using System.Diagnostics;
using System.Globalization;
using Dua.Contracts.V1;
using Dua.LoadTest.Client;
using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Measurement;
using Dua.ReferenceData;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dua.LoadTest.Phases;

/// <summary>
/// The read workload, for the given duration: GetRegionSummary or GetRegionTrend (the 24 months before the data set's
/// date) over the 21 counties in turn (or one county, for a hot spot); GetAgreement or GetParticipant over every id
/// of the data set (reads no cache can answer twice in a row); or the health check, the ceiling a trivial method
/// reaches on the same path. Nothing is retried: an error
/// is part of the figure. Requests are built once and shared, to keep the client's own cost per call down.
/// </summary>
public static class ReadPhase
{
    public const string RegionSummary = "GetRegionSummary";
    public const string RegionTrend = "GetRegionTrend";
    public const string HealthCheck = "Health/Check";
    public const string Agreement = "GetAgreement";
    public const string Participant = "GetParticipant";

    public static async Task RunAsync(RunContext context, PhaseRecorder phase)
    {
        var options = context.Options;
        var regions = options.Region is { } region ? [region] : Geography.Sweden.Counties.Select(c => c.Code).ToArray();
        string operation;
        switch (options.ReadMethod)
        {
            case ReadMethod.Health:
                var health = new HealthCheckRequest();
                operation = HealthCheck;
                await RunAsync(context, phase, operation, (channel, _, o) => new Health.HealthClient(channel).CheckAsync(health, o));
                break;
            case ReadMethod.Agreement:
                var agreements = ReadTargets.Agreements(context);
                operation = Agreement;
                await RunAsync(context, phase, operation, (channel, i, o) =>
                    new AgreementService.AgreementServiceClient(channel).GetAgreementAsync(agreements[i % agreements.Length], o));
                phase.Count("ids read in turn", agreements.Length);
                break;
            case ReadMethod.Participant:
                var participants = ReadTargets.Participants(context);
                operation = Participant;
                await RunAsync(context, phase, operation, (channel, i, o) =>
                    new ParticipantService.ParticipantServiceClient(channel).GetParticipantAsync(participants[i % participants.Length], o));
                phase.Count("ids read in turn", participants.Length);
                break;
            case ReadMethod.RegionTrend:
                var (from, to) = TrendMonths(context.Plan.AsOf);
                var trends = regions.Select(code => new GetRegionTrendRequest { RegionCode = code, FromMonth = from, ToMonth = to }).ToArray();
                operation = RegionTrend;
                await RunAsync(context, phase, operation, (channel, i, o) =>
                    new StatisticsService.StatisticsServiceClient(channel).GetRegionTrendAsync(trends[i % trends.Length], o));
                phase.Count("counties read in turn", regions.Length);
                phase.Note($"GetRegionTrend from {from} to {to}.");
                break;
            default:
                var summaries = regions.Select(code => new GetRegionSummaryRequest { RegionCode = code }).ToArray();
                operation = RegionSummary;
                await RunAsync(context, phase, operation, (channel, i, o) =>
                    new StatisticsService.StatisticsServiceClient(channel).GetRegionSummaryAsync(summaries[i % summaries.Length], o));
                phase.Count("counties read in turn", regions.Length);
                break;
        }

        if (phase.Operation(operation).CountOf(StatusCode.Unimplemented) > 0)
        {
            phase.Note($"{operation} answered UNIMPLEMENTED: the target does not serve that method (yet).");
        }
    }

    /// <summary>The 24 whole months before the data set's date, as GetRegionTrend takes them ("YYYY-MM").</summary>
    public static (string From, string To) TrendMonths(DateOnly asOf)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        return (month.AddMonths(-24).ToString("yyyy-MM", CultureInfo.InvariantCulture), month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    // Call number i of the phase (its request is the i-th, modulo the requests there are), for the duration.
    private static async Task RunAsync<TResponse>(
        RunContext context, PhaseRecorder phase, string operation, Func<GrpcChannel, int, CallOptions, AsyncUnaryCall<TResponse>> call)
        where TResponse : class
    {
        var options = context.Options;
        var runner = CallRunner.NoRetries(options.Timeout);
        var stopAt = Stopwatch.GetTimestamp() + (long)((options.Warmup + options.Duration).TotalSeconds * Stopwatch.Frequency);
        var measuring = options.Warmup <= TimeSpan.Zero;
        Func<(GrpcChannel Channel, int Number), CallOptions, AsyncUnaryCall<TResponse>> start = (s, o) => call(s.Channel, s.Number, o);

        await using (ProgressBar.OnStandardError(() => new ProgressState(
            measuring ? phase.Name : $"{phase.Name}: warm-up", phase.Operation(operation).Calls, 0, phase.TotalCalls, phase.TotalErrors, phase.Elapsed,
            TimeSpan.FromSeconds(Math.Max(0, (double)(stopAt - Stopwatch.GetTimestamp()) / Stopwatch.Frequency)))))
        {
            var workers = Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () =>
            {
                var channel = context.Channels.For(w);
                for (var i = w; Stopwatch.GetTimestamp() < stopAt && !context.Cancellation.IsCancellationRequested; i += options.Concurrency)
                {
                    await runner.RunAsync(phase, phase.Operation(operation), (channel, i), start);
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
}
