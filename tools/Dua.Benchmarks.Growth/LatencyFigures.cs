using HdrHistogram;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// One timed read of one county by one client: how many answers, how fast, and their latency in milliseconds;
/// with the silo's garbage collections meanwhile.
/// </summary>
public sealed record LatencyFigures(
    string Client, string RegionCode, long Calls, long Errors, double PerSecond, double P50, double P90, double P99, double Max)
{
    public GcPauses Gc { get; init; } = GcPauses.None;

    // Microseconds from 1 µs to 1 minute, 3 significant digits: well under 1 % error at any percentile.
    private const long HighestMicroseconds = 60_000_000;

    public static LongConcurrentHistogram NewHistogram() => new(1, HighestMicroseconds, 3);

    public static long Clamp(long microseconds) => Math.Clamp(microseconds, 1, HighestMicroseconds);

    public static LatencyFigures Of(string client, string regionCode, HistogramBase latencies, long errors, TimeSpan elapsed) =>
        new(client, regionCode, latencies.TotalCount, errors, latencies.TotalCount / elapsed.TotalSeconds,
            Milliseconds(latencies.GetValueAtPercentile(50)), Milliseconds(latencies.GetValueAtPercentile(90)),
            Milliseconds(latencies.GetValueAtPercentile(99)), Milliseconds(latencies.GetMaxValue()));

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
