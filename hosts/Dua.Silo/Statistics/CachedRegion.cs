using System.Collections.Concurrent;
using Dua.Contracts.V1;
using Dua.Domain.Statistics;
using Google.Protobuf;

namespace Dua.Silo.Statistics;

/// <summary>
/// One county's statistics as this silo fetched them, with the summaries made from them kept for every caller
/// until the next fetch, and so are the exact trends asked for: a hot read costs a lookup, not a mapping.
/// </summary>
public sealed class CachedRegion(CountyStatistics statistics, long fetchedAt)
{
    private readonly ConcurrentDictionary<(string? Municipality, Disclosure Disclosure), IMessage> _made = new();
    private readonly ConcurrentDictionary<(string? Municipality, int From, int To), Trend> _trends = new();

    public CountyStatistics Statistics { get; } = statistics;

    /// <summary>Stopwatch timestamp of when the fetch began: the statistics are at least this fresh.</summary>
    public long FetchedAt { get; } = fetchedAt;

    public RegionSummary Region(Disclosure disclosure) =>
        (RegionSummary)_made.GetOrAdd((null, disclosure), key => Statistics.ToRegionSummary(key.Disclosure));

    public MunicipalitySummary Municipality(string municipalityCode, Disclosure disclosure) =>
        (MunicipalitySummary)_made.GetOrAdd((municipalityCode, disclosure), key => Statistics.ToMunicipalitySummary(key.Municipality!, key.Disclosure));

    /// <summary>The county's (or, with <paramref name="municipalityCode"/>, a municipality's) exact trend over [from, to].</summary>
    public Trend ExactTrend(string? municipalityCode, int from, int to) =>
        _trends.GetOrAdd((municipalityCode, from, to), key => (key.Municipality is null ? Statistics.Trend : Statistics.MunicipalityTrends[key.Municipality])
            .ToExactTrend(Statistics.AsOf, key.From, key.To));
}
