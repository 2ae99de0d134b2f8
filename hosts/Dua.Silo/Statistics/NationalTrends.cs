using System.Collections.Concurrent;
using Dua.Contracts.V1;
using Dua.Domain.Statistics;
using Dua.ReferenceData;

namespace Dua.Silo.Statistics;

/// <summary>
/// Trends from this silo's copies of the counties' statistics (<see cref="RegionStatisticsCache"/>, the copies the
/// summaries use, so a write shows within the same second). Exact trends come straight from a county's copy; trends
/// with small counts suppressed come from one plan over every area and month (<see cref="TrendSuppression"/>), made
/// once per set of copies.
/// </summary>
public sealed class NationalTrends(RegionStatisticsCache cache, TimeProvider time)
{
    private readonly Lock _lock = new();
    private Made? _made;

    public async Task<Trend> GetRegionAsync(string regionCode, int from, int to, Disclosure disclosure)
    {
        if (disclosure == Disclosure.Exact)
        {
            return (await cache.GetAsync(regionCode)).ExactTrend(null, from, to);
        }

        var made = await MadeAsync();
        var statistics = made.Statistics(regionCode);
        return made.Suppressed(regionCode, from, to, () => statistics.Trend.ToTrend(statistics.AsOf, from, to, made.Suppression.Counties[regionCode]));
    }

    public async Task<Trend> GetMunicipalityAsync(MunicipalityEntry municipality, int from, int to, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (disclosure == Disclosure.Exact)
        {
            return (await cache.GetAsync(municipality.CountyCode)).ExactTrend(municipality.Code, from, to);
        }

        var made = await MadeAsync();
        var statistics = made.Statistics(municipality.CountyCode);
        return made.Suppressed(municipality.Code, from, to,
            () => statistics.MunicipalityTrends[municipality.Code].ToTrend(statistics.AsOf, from, to, made.Suppression.Municipalities[municipality.Code]));
    }

    public async Task<GetNationalTrendResponse> GetNationalAsync(int from, int to, Disclosure disclosure)
    {
        var made = await MadeAsync();
        var asOf = made.From.Min(r => r.Statistics.AsOf);
        var response = new GetNationalTrendResponse
        {
            Trend = disclosure == Disclosure.Exact
                ? made.National.ToExactTrend(asOf, from, to)
                : made.National.ToTrend(asOf, from, to, made.Suppression.National),
        };
        foreach (var region in made.From)
        {
            var statistics = region.Statistics;
            response.Regions.Add(new RegionTrend
            {
                RegionCode = statistics.CountyCode,
                RegionName = Geography.Sweden.FindCounty(statistics.CountyCode)?.Name ?? "",
                Trend = disclosure == Disclosure.Exact
                    ? statistics.Trend.ToExactTrend(statistics.AsOf, from, to)
                    : statistics.Trend.ToTrend(statistics.AsOf, from, to, made.Suppression.Counties[statistics.CountyCode]),
            });
        }

        return response;
    }

    private async Task<Made> MadeAsync()
    {
        var regions = new CachedRegion[Geography.Sweden.Counties.Count];
        for (var i = 0; i < regions.Length; i++)
        {
            regions[i] = await cache.GetAsync(Geography.Sweden.Counties[i].Code);
        }

        var currentMonth = TrendCalendar.Of(time.GetUtcNow());
        lock (_lock)
        {
            if (_made is { } made && made.CurrentMonth == currentMonth && made.From.AsSpan().SequenceEqual(regions))
            {
                return made;
            }

            _made = new Made(regions, currentMonth);
            return _made;
        }
    }

    /// <summary>The country's trend and the suppression plan made from one set of copies, each made when first asked for.</summary>
    private sealed class Made
    {
        private readonly Lazy<TrendSuppression> _suppression;
        private readonly ConcurrentDictionary<(string Area, int From, int To), Trend> _suppressed = new();

        public Made(CachedRegion[] regions, int currentMonth)
        {
            From = regions;
            CurrentMonth = currentMonth;
            National = regions.Aggregate(TrendTally.Empty, (sum, region) => sum.Plus(region.Statistics.Trend));
            _suppression = new(() => TrendSuppression.Plan([.. regions.Select(r => r.Statistics)], National, currentMonth));
        }

        public CachedRegion[] From { get; }

        public int CurrentMonth { get; }

        public TrendTally National { get; }

        public TrendSuppression Suppression => _suppression.Value;

        /// <summary>A suppressed trend, made once per area and months from this set of copies.</summary>
        public Trend Suppressed(string area, int from, int to, Func<Trend> make) => _suppressed.GetOrAdd((area, from, to), _ => make());

        public CountyStatistics Statistics(string regionCode) => From.First(r => r.Statistics.CountyCode == regionCode).Statistics;
    }
}
