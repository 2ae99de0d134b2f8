namespace Dua.Domain.Statistics;

/// <summary>
/// Small-count suppression for every area's trend at once, over every month a trend can show (from the first month
/// with figures to <see cref="TrendCalendar.MonthsAhead"/> months after the current one), so that no month can be set
/// against another or against an area's summary to work out a withheld count. Withholds cells by
/// <see cref="PersonCounts"/> until none of these sums exposes one:
/// <list type="bullet">
/// <item>a month's exits are the sum of its exits by outcome;</item>
/// <item>a month's balance: those in a module at its end plus its exits equal those in a module at the end of the
/// month before plus its enrolments (so a month's enrolments cannot be worked out from two month-end counts);</item>
/// <item>the summary's cumulative enrolments and exits (shown there) are the sums over all months: those totals are
/// pinned as shown, and so are the month-end counts from the current month on, which equal the summary's;</item>
/// <item>the country's month is the sum of its counties', a county's the sum of its municipalities' (approximate for
/// joint agreements, as in <see cref="CountrySuppression"/>).</item>
/// </list>
/// The limits <see cref="CountrySuppression"/> names hold here too.
/// </summary>
public sealed class TrendSuppression
{
    private TrendSuppression(TrendPersonCells national, Dictionary<string, TrendPersonCells> counties, Dictionary<string, TrendPersonCells> municipalities)
    {
        National = national;
        Counties = counties;
        Municipalities = municipalities;
    }

    public TrendPersonCells National { get; }

    public IReadOnlyDictionary<string, TrendPersonCells> Counties { get; }

    public IReadOnlyDictionary<string, TrendPersonCells> Municipalities { get; }

    public static TrendSuppression Plan(IReadOnlyList<CountyStatistics> counties, TrendTally national, int currentMonth)
    {
        ArgumentNullException.ThrowIfNull(counties);
        ArgumentNullException.ThrowIfNull(national);
        const Disclosure disclosure = Disclosure.SuppressSmallCounts;
        var first = national.MonthCount == 0 ? currentMonth : Math.Min(national.FirstMonth, currentMonth);
        var count = currentMonth + TrendCalendar.MonthsAhead - first + 1;
        var nationalCells = TrendPersonCells.Of(national, first, count, disclosure);
        var countyCells = counties.ToDictionary(c => c.CountyCode, c => TrendPersonCells.Of(c.Trend, first, count, disclosure), StringComparer.Ordinal);
        var municipalities = counties.SelectMany(c => c.MunicipalityTrends)
            .ToDictionary(m => m.Key, m => TrendPersonCells.Of(m.Value, first, count, disclosure), StringComparer.Ordinal);
        var areas = municipalities.Values.Concat(countyCells.Values).Append(nationalCells).ToList();
        foreach (var area in areas)
        {
            Pin(area, currentMonth);
        }

        var totals = areas.Select(a => (Area: a, Totals: Totals(a))).ToList();
        var countyParts = countyCells.Values.ToList();
        var municipalityParts = counties.Select(c => (County: countyCells[c.CountyCode], Parts: c.MunicipalityTrends.Keys.Select(k => municipalities[k]).ToList())).ToList();
        var zero = new PersonCell(0, false) { Pinned = true };
        bool changed;
        do
        {
            changed = false;
            foreach (var (area, areaTotals) in totals)
            {
                for (var month = first; month < first + count; month++)
                {
                    changed |= PersonCounts.WithholdComplement(area[month, TrendPersonCells.Exited], Exits(area, month));
                    // Before the first month nobody was in a module.
                    PersonCell[] before = month == first
                        ? [zero, zero, zero, area[month, TrendPersonCells.Enrolled]]
                        : [area[month - 1, TrendPersonCells.InModule1], area[month - 1, TrendPersonCells.InModule2], area[month - 1, TrendPersonCells.InModule3], area[month, TrendPersonCells.Enrolled]];
                    changed |= PersonCounts.WithholdBalance(
                        [area[month, TrendPersonCells.InModule1], area[month, TrendPersonCells.InModule2], area[month, TrendPersonCells.InModule3], area[month, TrendPersonCells.Exited]],
                        before);
                }

                foreach (var (slot, total) in areaTotals)
                {
                    changed |= PersonCounts.WithholdComplement(total, [.. Enumerable.Range(first, count).Select(m => area[m, slot])]);
                }
            }

            for (var month = first; month < first + count; month++)
            {
                for (var slot = 0; slot < TrendPersonCells.SlotCount; slot++)
                {
                    changed |= PersonCounts.WithholdComplement(nationalCells[month, slot], [.. countyParts.Select(c => c[month, slot])]);
                    foreach (var (county, parts) in municipalityParts)
                    {
                        changed |= PersonCounts.WithholdComplement(county[month, slot], [.. parts.Select(p => p[month, slot])]);
                    }
                }
            }
        }
        while (changed);

        return new TrendSuppression(nationalCells, countyCells, municipalities);
    }

    private static PersonCell[] Exits(TrendPersonCells area, int month) =>
        [.. Enumerable.Range(0, ParticipantTally.OutcomeSlots).Select(o => area[month, TrendPersonCells.Exit(o)])];

    // The month-end counts from the current month on are the summary's counts now.
    private static void Pin(TrendPersonCells area, int currentMonth)
    {
        for (var month = currentMonth; month < area.FirstMonth + area.MonthCount; month++)
        {
            foreach (var slot in new[] { TrendPersonCells.InModule1, TrendPersonCells.InModule2, TrendPersonCells.InModule3 })
            {
                area.Pin(month, slot);
            }
        }
    }

    // The summary shows enrolments and exits over all time: each is the sum of the months' flows.
    private static List<(int Slot, PersonCell Total)> Totals(TrendPersonCells area)
    {
        var flows = new List<int> { TrendPersonCells.Enrolled, TrendPersonCells.Exited };
        flows.AddRange(Enumerable.Range(0, ParticipantTally.OutcomeSlots).Select(TrendPersonCells.Exit));
        return [.. flows.Select(slot =>
        {
            var total = Enumerable.Range(area.FirstMonth, area.MonthCount).Sum(m => area[m, slot].Value);
            return (slot, new PersonCell(total, PersonCounts.IsSmall(total)) { Pinned = true });
        })];
    }
}
