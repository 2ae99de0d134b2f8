using Dua.Domain.Statistics;
using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Statistics;

/// <summary>Turns the domain's month figures (<see cref="TrendMonthFigures"/>) into a dua.v1 trend, in one place.</summary>
public static class TrendMapping
{
    public static V1.Trend ToTrend(this TrendTally tally, DateTimeOffset asOf, int from, int to, TrendPersonCells cells)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var trend = new V1.Trend { AsOf = Timestamp.FromDateTimeOffset(asOf) };
        trend.Months.AddRange(TrendMonthFigures.Range(tally, from, to, cells).Select(MapToContract));
        return trend;
    }

    /// <summary>Every figure exactly, for callers who see counts as they are.</summary>
    public static V1.Trend ToExactTrend(this TrendTally tally, DateTimeOffset asOf, int from, int to) =>
        tally.ToTrend(asOf, from, to, TrendPersonCells.Of(tally, from, to - from + 1, Disclosure.Exact));

    private static V1.TrendMonth MapToContract(TrendMonthFigures m)
    {
        var month = new V1.TrendMonth
        {
            Month = TrendCalendar.Format(m.Month),
            Enrolled = Count(m.Enrolled),
            Exited = Count(m.Exited),
            ExitedToWorkOrStudies = Figure(m.ExitedToWorkOrStudies),
            MedianDaysToExit = Figure(m.MedianDaysToExit),
            InModule1 = Count(m.InModule1),
            InModule2 = Count(m.InModule2),
            InModule3 = Count(m.InModule3),
            YouthCovered = (int)m.YouthCovered,
            NewcomersCovered = (int)m.NewcomersCovered,
            JobTracksOpen = (int)m.JobTracksOpen,
            Places = (int)m.Places,
            PlacesTaken = Count(m.PlacesTaken),
            MunicipalitiesReported = (int)m.MunicipalitiesReported,
            LabourMarket = Totals(m.LabourMarket),
            MunicipalitiesCompared = (int)m.MunicipalitiesCompared,
            LabourMarketChange = m.LabourMarketChange is { } change ? Totals(change) : null,
            DialoguesHeld = (int)m.DialoguesHeld,
            MunicipalitiesStarted = (int)m.MunicipalitiesStarted,
        };
        month.ExitsByOutcome.AddRange(m.ExitsByOutcome.Select(o => new V1.OutcomeCount { Outcome = (V1.ExitOutcome)o.Outcome, Count = Count(o.Count) }));
        month.AgreementsInForce.AddRange(m.AgreementsInForce.Select(a => new V1.TrendAgreementCount { Kind = (V1.AgreementKind)a.Kind, Count = (int)a.Count }));
        return month;
    }

    private static V1.LabourMarketTotals Totals(LabourMarketTotals t) => new()
    {
        Unemployed1664 = t.Unemployed16To64,
        Unemployed1824 = t.Unemployed18To24,
        UnemployedNewcomers = t.UnemployedNewcomers,
        UnemployedOver12Months = t.UnemployedOver12Months,
    };

    private static V1.PersonCount Count(PersonCount c) =>
        c.Withheld ? new V1.PersonCount { Suppressed = true } : new V1.PersonCount { Value = c.Value };

    private static V1.PersonFigure? Figure(PersonFigure? f) =>
        f is null ? null : f.Withheld ? new V1.PersonFigure { Suppressed = true } : new V1.PersonFigure { Value = f.Value };
}
