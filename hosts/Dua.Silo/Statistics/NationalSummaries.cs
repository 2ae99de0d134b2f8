using System.Collections.Concurrent;
using Dua.Contracts.V1;
using Dua.Domain.Statistics;
using Dua.ReferenceData;
using Google.Protobuf;

namespace Dua.Silo.Statistics;

/// <summary>
/// Summaries made from all counties' copies at once: the country's (the sum of the counties' tallies), and every
/// summary shown with small counts suppressed, since those must be suppressed consistently across areas
/// (<see cref="CountrySuppression"/>). What is made from one set of copies is kept until any of them is fetched anew.
/// Exact county and municipality summaries need no other county and come straight from <see cref="CachedRegion"/>.
/// </summary>
public sealed class NationalSummaries(RegionStatisticsCache cache)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Disclosure, Made> _made = [];

    public async Task<GetNationalSummaryResponse> GetAsync(Disclosure disclosure) => (await MadeAsync(disclosure)).Response;

    public async ValueTask<RegionSummary> GetRegionAsync(string regionCode, Disclosure disclosure) =>
        disclosure == Disclosure.Exact
            ? (await cache.GetAsync(regionCode)).Region(disclosure)
            : (await MadeAsync(disclosure)).Region(regionCode);

    public async ValueTask<MunicipalitySummary> GetMunicipalityAsync(MunicipalityEntry municipality, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return disclosure == Disclosure.Exact
            ? (await cache.GetAsync(municipality.CountyCode)).Municipality(municipality.Code, disclosure)
            : (await MadeAsync(disclosure)).Municipality(municipality);
    }

    private async Task<Made> MadeAsync(Disclosure disclosure)
    {
        var regions = new CachedRegion[Geography.Sweden.Counties.Count];
        for (var i = 0; i < regions.Length; i++)
        {
            regions[i] = await cache.GetAsync(Geography.Sweden.Counties[i].Code);
        }

        lock (_lock)
        {
            if (_made.TryGetValue(disclosure, out var made) && made.From.AsSpan().SequenceEqual(regions))
            {
                return made;
            }

            made = new Made(regions, disclosure);
            _made[disclosure] = made;
            return made;
        }
    }

    /// <summary>Everything made from one set of copies for one disclosure, each part made when first asked for.</summary>
    private sealed class Made
    {
        private readonly Tally _national;
        private readonly Lazy<CountrySuppression?> _suppression;
        private readonly Lazy<GetNationalSummaryResponse> _response;
        private readonly ConcurrentDictionary<string, IMessage> _summaries = new(StringComparer.Ordinal);

        public Made(CachedRegion[] regions, Disclosure disclosure)
        {
            From = regions;
            _national = regions.Aggregate(Tally.Empty, (sum, region) => sum.Plus(region.Statistics.County));
            _suppression = new(() => disclosure == Disclosure.Exact
                ? null
                : CountrySuppression.Plan([.. regions.Select(r => r.Statistics)], _national));
            _response = new(() => MakeResponse(disclosure));
        }

        public CachedRegion[] From { get; }

        public GetNationalSummaryResponse Response => _response.Value;

        public RegionSummary Region(string regionCode) =>
            (RegionSummary)_summaries.GetOrAdd(regionCode, code =>
            {
                var statistics = Statistics(code);
                return _suppression.Value is { } plan ? statistics.ToRegionSummary(plan.Counties[code]) : statistics.ToRegionSummary(Disclosure.Exact);
            });

        public MunicipalitySummary Municipality(MunicipalityEntry municipality) =>
            (MunicipalitySummary)_summaries.GetOrAdd(municipality.Code, code =>
            {
                var statistics = Statistics(municipality.CountyCode);
                return _suppression.Value is { } plan
                    ? statistics.ToMunicipalitySummary(code, plan.Municipalities[code])
                    : statistics.ToMunicipalitySummary(code, Disclosure.Exact);
            });

        private CountyStatistics Statistics(string regionCode) => From.First(r => r.Statistics.CountyCode == regionCode).Statistics;

        private GetNationalSummaryResponse MakeResponse(Disclosure disclosure)
        {
            // The country's figures hold as of the oldest county's.
            var asOf = From.Min(r => r.Statistics.AsOf);
            var summary = _suppression.Value is { } plan ? _national.ToSummary(asOf, plan.National) : _national.ToSummary(asOf, disclosure);
            var response = new GetNationalSummaryResponse { Summary = summary };
            response.Regions.AddRange(From.Select(r => _suppression.Value is null ? r.Region(disclosure) : Region(r.Statistics.CountyCode)));
            return response;
        }
    }
}
