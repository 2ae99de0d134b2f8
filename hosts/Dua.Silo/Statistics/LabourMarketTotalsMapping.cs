using Dua.Contracts.V1;
using Figures = Dua.Grains.LabourMarket.MonthlyFigures;
using ReportingMonth = Dua.Grains.LabourMarket.ReportingMonth;
using Dua.Grains.Statistics;

namespace Dua.Silo.Statistics;

/// <summary>
/// Sums an area's latest labour-market month: the newest month any municipality reported, over the
/// municipalities that reported it, and the change from the month before over those that reported both.
/// </summary>
public static class LabourMarketTotalsMapping
{
    public static LabourMarketSummary Summarise(IEnumerable<LabourMarketFacts> municipalities)
    {
        var reporting = municipalities.Where(m => m.LatestMonths.Length > 0).ToList();
        if (reporting.Count == 0)
        {
            return new LabourMarketSummary { Totals = new LabourMarketTotals() };
        }

        var month = reporting.Max(m => m.LatestMonths[0].Month);
        var previousMonth = month.AddMonths(-1);
        var latest = reporting.Where(m => m.LatestMonths[0].Month == month).ToList();
        var compared = latest.Where(m => m.LatestMonths.Length > 1 && m.LatestMonths[1].Month == previousMonth).ToList();

        var summary = new LabourMarketSummary
        {
            Month = ReportingMonth.ToText(month),
            MunicipalitiesReported = latest.Count,
            Totals = Sum(latest.Select(m => m.LatestMonths[0].Figures)),
            MunicipalitiesCompared = compared.Count,
        };
        if (compared.Count > 0)
        {
            var now = Sum(compared.Select(m => m.LatestMonths[0].Figures));
            var before = Sum(compared.Select(m => m.LatestMonths[1].Figures));
            summary.PreviousMonth = before;
            summary.Change = new LabourMarketTotals
            {
                Unemployed1664 = now.Unemployed1664 - before.Unemployed1664,
                Unemployed1824 = now.Unemployed1824 - before.Unemployed1824,
                UnemployedNewcomers = now.UnemployedNewcomers - before.UnemployedNewcomers,
                UnemployedOver12Months = now.UnemployedOver12Months - before.UnemployedOver12Months,
            };
        }

        return summary;
    }

    private static LabourMarketTotals Sum(IEnumerable<Figures> figures)
    {
        var totals = new LabourMarketTotals();
        foreach (var f in figures)
        {
            totals.Unemployed1664 += f.Unemployed16To64;
            totals.Unemployed1824 += f.Unemployed18To24;
            totals.UnemployedNewcomers += f.UnemployedNewcomers;
            totals.UnemployedOver12Months += f.UnemployedOver12Months;
        }

        return totals;
    }
}
