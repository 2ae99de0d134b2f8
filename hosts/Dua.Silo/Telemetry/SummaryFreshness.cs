using System.Collections.Concurrent;

namespace Dua.Silo.Telemetry;

/// <summary>
/// Measures summary freshness per county, on this silo: the earliest change fed to a county's statistics and not yet
/// seen, and the first fetch of that county's statistics into this silo's cache that began after it. The time between
/// is what a reader waits, at most, to see an acknowledged write in a summary. A county nobody reads keeps its
/// oldest change waiting, so the figure also grows with the time between reads.
/// </summary>
public sealed class SummaryFreshness(SiloMetrics metrics, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _unseenSince = new(StringComparer.Ordinal);

    public long Now() => time.GetTimestamp();

    public TimeSpan Since(long timestamp) => time.GetElapsedTime(timestamp);

    /// <summary>A change's facts reached the county's statistics (the write is acknowledged right after).</summary>
    public void Fed(string countyCode) => _unseenSince.TryAdd(countyCode, time.GetTimestamp());

    /// <summary>A fetch of the county's statistics that began at <paramref name="startedAt"/> has completed.</summary>
    public void Fetched(string countyCode, long startedAt)
    {
        if (_unseenSince.TryGetValue(countyCode, out var since) && since <= startedAt
            && _unseenSince.TryRemove(new KeyValuePair<string, long>(countyCode, since)))
        {
            metrics.SummaryFresh(time.GetElapsedTime(since));
        }
    }
}
