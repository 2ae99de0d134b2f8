using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.Statistics;

/// <summary>
/// One month of an area's trend as a caller may see it. Counts of people are shown as the area's cells decided
/// (<see cref="TrendPersonCells"/>); the share to work or studies and the median are withheld with any count they
/// derive from, as in <see cref="ParticipantSummary"/>. Places taken are the participants on a job track (module 3)
/// at the month's end.
/// </summary>
public sealed record TrendMonthFigures(
    int Month,
    PersonCount Enrolled,
    PersonCount Exited,
    ImmutableArray<OutcomeCount> ExitsByOutcome,
    PersonFigure? ExitedToWorkOrStudies,
    PersonFigure? MedianDaysToExit,
    PersonCount InModule1,
    PersonCount InModule2,
    PersonCount InModule3,
    ImmutableArray<(AgreementKind Kind, long Count)> AgreementsInForce,
    long YouthCovered,
    long NewcomersCovered,
    long JobTracksOpen,
    long Places,
    PersonCount PlacesTaken,
    long MunicipalitiesReported,
    LabourMarketTotals LabourMarket,
    long MunicipalitiesCompared,
    LabourMarketTotals? LabourMarketChange,
    long DialoguesHeld,
    long MunicipalitiesStarted)
{
    /// <summary>The agreement kinds a trend counts agreements in force by, in their order.</summary>
    public static readonly ImmutableArray<AgreementKind> Kinds =
        [.. Enum.GetValues<AgreementKind>().Where(k => k != AgreementKind.Unspecified)];

    public static TrendMonthFigures Of(TrendTally tally, int month, TrendPersonCells cells)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(cells);
        PersonFigure? share = null;
        PersonFigure? median = null;
        var exited = tally.Exited(month);
        if (exited > 0)
        {
            var toWorkOrStudies = ParticipantTally.WorkOrStudies.Sum(o => tally.Value(month, TrendSlots.Exit((int)o)));
            var exitsWithheld = cells[month, TrendPersonCells.Exited].Withheld;
            var shareWithheld = exitsWithheld || PersonCounts.Withholds(toWorkOrStudies, cells.Disclosure)
                || ParticipantTally.WorkOrStudies.Any(o => cells[month, TrendPersonCells.Exit((int)o)].Withheld);
            share = PersonFigure.Of((double)toWorkOrStudies / exited, shareWithheld);
            median = PersonFigure.Of(tally.Days(month).Median() ?? 0, exitsWithheld);
        }

        var compared = tally.Value(month, TrendSlots.Compared);
        return new TrendMonthFigures(
            month,
            Count(cells, month, TrendPersonCells.Enrolled),
            Count(cells, month, TrendPersonCells.Exited),
            [.. ParticipantSummary.Outcomes.Select(o => new OutcomeCount(o, Count(cells, month, TrendPersonCells.Exit((int)o))))],
            share,
            median,
            Count(cells, month, TrendPersonCells.InModule1),
            Count(cells, month, TrendPersonCells.InModule2),
            Count(cells, month, TrendPersonCells.InModule3),
            [.. Kinds.Select(k => (k, tally.Value(month, TrendSlots.InForce(k))))],
            tally.Value(month, TrendSlots.YouthCovered),
            tally.Value(month, TrendSlots.NewcomersCovered),
            tally.Value(month, TrendSlots.TracksOpen),
            tally.Value(month, TrendSlots.Places),
            Count(cells, month, TrendPersonCells.InModule3),
            tally.Value(month, TrendSlots.Reported),
            Totals(tally, month, TrendSlots.FirstFigure),
            compared,
            compared == 0 ? null : Totals(tally, month, TrendSlots.FirstChange),
            tally.Value(month, TrendSlots.DialoguesHeld),
            tally.Value(month, TrendSlots.MunicipalitiesStarted));
    }

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static ImmutableArray<TrendMonthFigures> Range(TrendTally tally, int from, int to, TrendPersonCells cells) =>
        [.. Enumerable.Range(from, Math.Max(to - from + 1, 0)).Select(m => Of(tally, m, cells))];

    private static PersonCount Count(TrendPersonCells cells, int month, int slot) => PersonCount.Of(cells[month, slot]);

    private static LabourMarketTotals Totals(TrendTally tally, int month, int first) => new(
        tally.Value(month, first), tally.Value(month, first + 1), tally.Value(month, first + 2), tally.Value(month, first + 3));
}
