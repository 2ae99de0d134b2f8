using System.Collections.Concurrent;
using System.Diagnostics;
using Dua.Grains;
using Dua.Grains.Statistics;
using Microsoft.Extensions.Options;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;
using Dua.Silo.Telemetry;

namespace Dua.Silo.Statistics;

/// <summary>
/// This silo's copy of every county's statistics. Reads are served from the copy while it is younger than
/// <see cref="StatisticsOptions.CacheTtl"/>; after that, the first read fetches anew and concurrent reads share that
/// one fetch. So many clients polling one county cost each silo at most a few grain calls a second, and reads
/// spread over silos instead of queueing on the county's one activation.
/// </summary>
public sealed class RegionStatisticsCache(IGrainFactory grains, IOptions<StatisticsOptions> options, SummaryFreshness freshness)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly long _ttlTicks = (long)(options.Value.CacheTtl.TotalSeconds * Stopwatch.Frequency);

    public ValueTask<CachedRegion> GetAsync(string regionCode) =>
        _entries.GetOrAdd(regionCode, code => new Entry(this, code)).GetAsync();

    private async Task<CachedRegion> FetchAsync(string regionCode)
    {
        var started = Stopwatch.GetTimestamp();
        var fetchStarted = freshness.Now();
        var statistics = await grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(regionCode)).GetAsync();
        freshness.Fetched(regionCode, fetchStarted);
        return new CachedRegion(statistics, started);
    }

    private sealed class Entry(RegionStatisticsCache cache, string regionCode)
    {
        private readonly Lock _lock = new();
        private volatile CachedRegion? _current;
        private Task<CachedRegion>? _fetch;

        public ValueTask<CachedRegion> GetAsync()
        {
            if (_current is { } current && Stopwatch.GetTimestamp() - current.FetchedAt < cache._ttlTicks)
            {
                return ValueTask.FromResult(current);
            }

            lock (_lock)
            {
                if (_fetch is null || _fetch.IsCompleted)
                {
                    _fetch = FetchAsync();
                }

                return new ValueTask<CachedRegion>(_fetch);
            }
        }

        private async Task<CachedRegion> FetchAsync()
        {
            var fetched = await cache.FetchAsync(regionCode);
            _current = fetched;
            return fetched;
        }
    }
}
