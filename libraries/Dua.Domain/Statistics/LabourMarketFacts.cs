using System.Collections.Immutable;
using Dua.Domain.LabourMarket;

namespace Dua.Domain.Statistics;

/// <summary>
/// One municipality's latest reported months (newest first): enough for an area's latest month and its change from
/// the month before. <see cref="Version"/> grows with every report of the municipality.
/// </summary>
/// <param name="Months">Every reported month (newest first), for trends.</param>
public sealed record LabourMarketFacts(string MunicipalityCode, long Version, ImmutableArray<ReportedMonth> LatestMonths, ImmutableArray<ReportedMonth> Months = default)
{
    /// <summary>Every reported month, newest first.</summary>
    public ImmutableArray<ReportedMonth> AllMonths => Months.IsDefault ? LatestMonths : Months;

    /// <summary>The months the statistics keep of a municipality: the latest and the one before it.</summary>
    public const int MonthsKept = 2;

    /// <summary>The facts of a municipality's reported months: the <see cref="MonthsKept"/> newest.</summary>
    public static LabourMarketFacts Of(string municipalityCode, long version, IEnumerable<ReportedMonth> months)
    {
        ImmutableArray<ReportedMonth> all = [.. months.OrderByDescending(m => m.Month)];
        return new(municipalityCode, version, [.. all.Take(MonthsKept)], all);
    }

    /// <summary>Counts the reported months into month figures, with each month's change from the month before.</summary>
    public void Count(TrendDeltas deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var byMonth = AllMonths.ToDictionary(m => TrendCalendar.Of(m.Month), m => m.Figures);
        foreach (var (month, figures) in byMonth)
        {
            deltas.Add(month, TrendSlots.Reported, 1);
            AddFigures(deltas, month, TrendSlots.FirstFigure, figures, 1);
            if (byMonth.TryGetValue(month - 1, out var before))
            {
                deltas.Add(month, TrendSlots.Compared, 1);
                AddFigures(deltas, month, TrendSlots.FirstChange, figures, 1);
                AddFigures(deltas, month, TrendSlots.FirstChange, before, -1);
            }
        }
    }

    private static void AddFigures(TrendDeltas deltas, int month, int first, IMonthlyFigures figures, int sign)
    {
        deltas.Add(month, first, sign * figures.Unemployed16To64);
        deltas.Add(month, first + 1, sign * figures.Unemployed18To24);
        deltas.Add(month, first + 2, sign * figures.UnemployedNewcomers);
        deltas.Add(month, first + 3, sign * figures.UnemployedOver12Months);
    }
}
