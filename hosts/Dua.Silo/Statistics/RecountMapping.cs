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

        var (from, to) = TrendRange(result);
        differences.AddRange(TrendDifferences(result.Live.Trend, result.Recount.Trend, from, to));
        foreach (var municipality in result.Recount.MunicipalityTrends.Keys)
        {
            differences.AddRange(TrendDifferences(
                result.Live.MunicipalityTrends.GetValueOrDefault(municipality) ?? TrendTally.Empty,
                result.Recount.MunicipalityTrends[municipality], from, to)
                .Select(d => $"municipality {municipality}: {d}"));
        }

        var response = new RecountRegionResponse
        {
            Live = live,
            Recount = recount,
            Equal = differences.Count == 0,
            Repaired = result.Repaired && differences.Count > 0,
            TrendMonthsCompared = to - from + 1,
        };
        response.Differences.AddRange(differences);
        return response;
    }

    // Every month a trend can show: from the first with figures on either side to the last a caller may ask for.
    private static (int From, int To) TrendRange(RegionRecount result)
    {
        var to = TrendCalendar.Of(result.Recount.AsOf) + TrendCalendar.MonthsAhead;
        var firsts = new[] { result.Live.Trend, result.Recount.Trend }.Where(t => t.MonthCount > 0).Select(t => t.FirstMonth).ToList();
        return (firsts.Count == 0 ? to : Math.Min(firsts.Min(), to), to);
    }

    private static IEnumerable<string> TrendDifferences(TrendTally live, TrendTally recount, int from, int to)
    {
        var asOf = DateTimeOffset.UnixEpoch;
        var liveMonths = live.ToExactTrend(asOf, from, to).Months;
        var recountMonths = recount.ToExactTrend(asOf, from, to).Months;
        return liveMonths.Zip(recountMonths).SelectMany(pair =>
            SummaryDifferences.Between(pair.First, pair.Second).Select(d => $"trend {pair.First.Month}: {d}"));
    }
}
