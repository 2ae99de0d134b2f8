using Dua.Contracts.V1;
using Dua.Domain.Statistics;
using Dua.Grains.Statistics;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Silo.Statistics;

/// <summary>
/// Sets a county's live statistics beside its recount as dua.v1 shows them: both exact summaries, and every figure
/// that differs (the county's, then each municipality's), named by its wire path.
/// </summary>
public static class RecountMapping
{
    public static RecountRegionResponse MapToContract(this RegionRecount result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var live = result.Live.ToRegionSummary(Disclosure.Exact);
        var recount = result.Recount.ToRegionSummary(Disclosure.Exact);
        var differences = SummaryDifferences.Between(live, recount).ToList();
        foreach (var municipality in result.Recount.Municipalities.Keys)
        {
            differences.AddRange(SummaryDifferences.Between(
                result.Live.ToMunicipalitySummary(municipality, Disclosure.Exact),
                result.Recount.ToMunicipalitySummary(municipality, Disclosure.Exact))
                .Select(d => $"municipality {municipality}: {d}"));
        }

        var response = new RecountRegionResponse
        {
            Live = live,
            Recount = recount,
            Equal = differences.Count == 0,
            Repaired = result.Repaired && differences.Count > 0,
        };
        response.Differences.AddRange(differences);
        return response;
    }
}
