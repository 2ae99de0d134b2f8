namespace Dua.Domain.Statistics;

/// <summary>
/// An area's latest labour-market month: the newest month any municipality reported, summed over the
/// municipalities that reported it, and the change from the month before over those that reported both.
/// </summary>
/// <param name="Month">The latest month reported; null when no municipality of the area has reported.</param>
/// <param name="PreviousMonth">The month before, over the municipalities compared; null when none reported both.</param>
public sealed record LabourMarketSummary(
    DateOnly? Month,
    int MunicipalitiesReported,
    LabourMarketTotals Totals,
    int MunicipalitiesCompared,
    LabourMarketTotals? PreviousMonth,
    LabourMarketTotals? Change)
{
    public static LabourMarketSummary Of(IEnumerable<LabourMarketFacts> municipalities)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        var reporting = municipalities.Where(m => m.LatestMonths.Length > 0).ToList();
        if (reporting.Count == 0)
        {
            return new LabourMarketSummary(null, 0, LabourMarketTotals.Zero, 0, null, null);
        }

        var month = reporting.Max(m => m.LatestMonths[0].Month);
        var previousMonth = month.AddMonths(-1);
        var latest = reporting.Where(m => m.LatestMonths[0].Month == month).ToList();
        var compared = latest.Where(m => m.LatestMonths.Length > 1 && m.LatestMonths[1].Month == previousMonth).ToList();
        var totals = LabourMarketTotals.Sum(latest.Select(m => m.LatestMonths[0].Figures));
        if (compared.Count == 0)
        {
            return new LabourMarketSummary(month, latest.Count, totals, 0, null, null);
        }

        var now = LabourMarketTotals.Sum(compared.Select(m => m.LatestMonths[0].Figures));
        var before = LabourMarketTotals.Sum(compared.Select(m => m.LatestMonths[1].Figures));
        return new LabourMarketSummary(month, latest.Count, totals, compared.Count, before, now.Minus(before));
    }
}
