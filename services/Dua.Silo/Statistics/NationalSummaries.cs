using Dua.Contracts.V1;
using Dua.Grains.Statistics;
using Dua.ReferenceData;

namespace Dua.Silo.Statistics;

/// <summary>
/// The country's summary: the sum of the counties' tallies from this silo's copies. The answer made from one set
/// of copies is kept until any of them is fetched anew.
/// </summary>
public sealed class NationalSummaries(RegionStatisticsCache cache)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Disclosure, (CachedRegion[] From, GetNationalSummaryResponse Response)> _made = [];

    public async Task<GetNationalSummaryResponse> GetAsync(Disclosure disclosure)
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
                return made.Response;
            }
        }

        var response = Make(regions, disclosure);
        lock (_lock)
        {
            _made[disclosure] = (regions, response);
        }

        return response;
    }

    private static GetNationalSummaryResponse Make(CachedRegion[] regions, Disclosure disclosure)
    {
        var national = regions.Aggregate(Tally.Empty, (sum, region) => sum.Plus(region.Statistics.Region));
        // The country's figures hold as of the oldest county's.
        var asOf = regions.Min(r => r.Statistics.AsOf);
        var response = new GetNationalSummaryResponse { Summary = national.ToSummary(asOf, disclosure) };
        response.Regions.AddRange(regions.Select(r => r.Region(disclosure)));
        return response;
    }
}
