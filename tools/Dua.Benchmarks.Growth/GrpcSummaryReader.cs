using System.Diagnostics;
using Dua.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// Reads one county's summary straight from the silo's gRPC port with Grpc.Net.Client: a fixed number of calls in
/// flight on one HTTP/2 connection, with an untimed warm-up before the timed run. The client shares the machine with the
/// silo, so the figures are for comparing sizes, not the silo's capacity.
/// </summary>
public sealed class GrpcSummaryReader(Uri address, int concurrency) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);

    private static Metadata Headers { get; } = ToMetadata(SiloUnderTest.GatewayHeaders);

    /// <summary>One call, checked: the county's summary and its participant count.</summary>
    public async Task<RegionSummary> GetAsync(string regionCode)
    {
        var client = new StatisticsService.StatisticsServiceClient(_channel);
        var response = await client.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = regionCode }, Headers, deadline: DateTime.UtcNow.AddSeconds(30));
        return response.Region;
    }

    /// <summary>Reads without timing, so that code on both sides is compiled to its final tier before it is timed.</summary>
    public Task WarmUpAsync(string regionCode, TimeSpan duration, bool trend = false) => RunAsync(regionCode, duration, null, trend);

    /// <param name="trend">Read the county's 24-month trend (<see cref="TrendMonths"/>) instead of its summary.</param>
    public async Task<LatencyFigures> MeasureAsync(string regionCode, TimeSpan duration, bool trend = false)
    {
        var latencies = LatencyFigures.NewHistogram();
        var started = Stopwatch.GetTimestamp();
        var errors = await RunAsync(regionCode, duration, latencies, trend);
        return LatencyFigures.Of(trend ? "grpc-dotnet trend" : "grpc-dotnet", regionCode, latencies, errors, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The months a trend read asks for: the 24 the participant stream spreads its dates over.</summary>
    public static readonly (string From, string To) TrendMonths = ("2024-12", "2026-11");

    private async Task<long> RunAsync(string regionCode, TimeSpan duration, HdrHistogram.LongConcurrentHistogram? latencies, bool trend)
    {
        var client = new StatisticsService.StatisticsServiceClient(_channel);
        var request = new GetRegionSummaryRequest { RegionCode = regionCode };
        var trendRequest = new GetRegionTrendRequest { RegionCode = regionCode, FromMonth = TrendMonths.From, ToMonth = TrendMonths.To };
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long errors = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (trend)
                    {
                        await client.GetRegionTrendAsync(trendRequest, Headers);
                    }
                    else
                    {
                        await client.GetRegionSummaryAsync(request, Headers);
                    }
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies?.RecordValue(LatencyFigures.Clamp(Stopwatch.GetElapsedTime(start).Ticks / 10));
            }
        }));
        return errors;
    }

    public void Dispose() => _channel.Dispose();

    private static Metadata ToMetadata(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var metadata = new Metadata();
        foreach (var (name, value) in headers)
        {
            metadata.Add(name, value);
        }

        return metadata;
    }
}
