using CsCheck;
using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>
/// Random participant histories over two years, fed step by step, late, twice and out of order as the grains do,
/// must give the month figures a recount (only each participant's newest facts) gives; and a regional office's
/// suppression must leave no month's count to be worked out from the others.
/// </summary>
public sealed class CountyTrendProperties
{
    private const string Agreement = "21-aaaaaaaaaaaaaaaa";
    private static readonly DateOnly Start = new(2024, 1, 1);
    // After every generated step: steps are never dated in the future.
    private static readonly DateTimeOffset AsOf = new(2027, 1, 15, 0, 0, 0, TimeSpan.Zero);

    // One participant's history: enrolment day, then gaps to job preparation, a job track and an exit (0: not taken).
    private static readonly Gen<(int Who, int Enrolled, int Prep, int Track, int Exit, ExitOutcome Outcome)> History =
        Gen.Select(Gen.Int[0, 30], Gen.Int[0, 700], Gen.Int[0, 90], Gen.Int[0, 90], Gen.Int[0, 200], Gen.Enum<ExitOutcome>());

    [Fact]
    public void Any_feeding_order_gives_the_months_of_a_recount()
    {
        Gen.Select(History.List[1, 60], Gen.Int).Sample((histories, seed) =>
        {
            var steps = histories.DistinctBy(h => h.Who).SelectMany(Steps).ToList();
            var shuffled = steps.Concat(steps).OrderBy(_ => new Random(seed).Next()).ToList();
            var live = Feed(shuffled).Snapshot(AsOf).Trend;
            var recount = Feed(steps.GroupBy(s => s.ParticipantId).Select(g => g.MaxBy(s => s.Version)!)).Snapshot(AsOf).Trend;
            return SameMonths(live, recount);
        });
    }

    [Fact]
    public void Suppressed_months_cannot_be_worked_out_from_each_other()
    {
        History.List[1, 40].Sample(histories =>
        {
            var steps = histories.DistinctBy(h => h.Who).SelectMany(Steps);
            var county = Feed(steps.GroupBy(s => s.ParticipantId).Select(g => g.MaxBy(s => s.Version)!)).Snapshot(AsOf);
            var current = TrendCalendar.Of(AsOf);
            var plan = TrendSuppression.Plan([county], county.Trend, current);
            var cells = plan.Counties["21"];
            for (var month = cells.FirstMonth; month < cells.FirstMonth + cells.MonthCount; month++)
            {
                // A primary-suppressed count is withheld; no single withheld cell in a month's balance or its exits.
                foreach (var slot in Enumerable.Range(0, TrendPersonCells.SlotCount))
                {
                    if (PersonCounts.IsSmall(cells[month, slot].Value) && !cells[month, slot].Withheld)
                    {
                        return false;
                    }
                }

                var balance = new[] { TrendPersonCells.InModule1, TrendPersonCells.InModule2, TrendPersonCells.InModule3, TrendPersonCells.Exited }
                    .Select(s => cells[month, s])
                    .Concat(month == cells.FirstMonth ? [] : new[] { TrendPersonCells.InModule1, TrendPersonCells.InModule2, TrendPersonCells.InModule3 }.Select(s => cells[month - 1, s]))
                    .Append(cells[month, TrendPersonCells.Enrolled]);
                if (balance.Count(c => c.Withheld) == 1)
                {
                    throw new InvalidOperationException($"balance {TrendCalendar.Format(month)}: " + string.Join(",", balance.Select(c => $"{c.Value}{(c.Withheld ? "W" : "")}{(c.Pinned ? "P" : "")}")));
                }

                var exits = Enumerable.Range(0, ParticipantTally.OutcomeSlots).Select(o => cells[month, TrendPersonCells.Exit(o)]).Append(cells[month, TrendPersonCells.Exited]);
                if (exits.Count(c => c.Withheld) == 1)
                {
                    throw new InvalidOperationException($"exits {TrendCalendar.Format(month)}: " + string.Join(",", exits.Select(c => $"{c.Value}{(c.Withheld ? "W" : "")}{(c.Pinned ? "P" : "")}")));
                }
            }

            // Enrolments over all months are the summary's (shown when not small): no single month withheld against it.
            var enrolled = Enumerable.Range(cells.FirstMonth, cells.MonthCount).Select(m => cells[m, TrendPersonCells.Enrolled]).ToList();
            return PersonCounts.IsSmall(enrolled.Sum(c => c.Value)) || enrolled.Count(c => c.Withheld) != 1;
        });
    }

    private static bool SameMonths(TrendTally a, TrendTally b)
    {
        var from = Math.Min(a.FirstMonth, b.FirstMonth);
        var to = Math.Max(a.EndMonth, b.EndMonth);
        return Enumerable.Range(from, to - from + 1).All(m =>
            Enumerable.Range(0, TrendSlots.Count).All(s => a.Value(m, s) == b.Value(m, s)) && a.Days(m).Equals(b.Days(m)));
    }

    // The facts after each step of one history, each one version newer.
    private static IEnumerable<ParticipantFacts> Steps((int Who, int Enrolled, int Prep, int Track, int Exit, ExitOutcome Outcome) h)
    {
        var id = $"{Agreement}-p{h.Who:D6}";
        var enrolled = Start.AddDays(h.Enrolled);
        DateOnly? prep = h.Prep == 0 ? null : enrolled.AddDays(h.Prep);
        DateOnly? track = prep is null || h.Track == 0 ? null : prep.Value.AddDays(h.Track);
        var last = track ?? prep ?? enrolled;
        DateOnly? exit = h.Exit == 0 ? null : last.AddDays(h.Exit);
        var outcome = h.Outcome == ExitOutcome.Unspecified ? ExitOutcome.Other : h.Outcome;
        var version = 1;
        yield return Facts(1, null, null, null);
        if (prep is not null)
        {
            yield return Facts(2, prep, null, null);
        }

        if (track is not null)
        {
            yield return Facts(3, prep, track, null);
        }

        if (exit is not null)
        {
            yield return Facts(0, prep, track, exit);
        }

        ParticipantFacts Facts(int module, DateOnly? p, DateOnly? t, DateOnly? x) => new(
            id, Agreement, version++, x is null ? ParticipantStatus.Active : ParticipantStatus.Exited, module,
            x is null ? ExitOutcome.Unspecified : outcome, x is { } day ? ParticipantFacts.DaysBetween(enrolled, day) : null,
            new ParticipantDates(enrolled, p, t, x));
    }

    private static CountyFacts Feed(IEnumerable<ParticipantFacts> steps)
    {
        var facts = new CountyFacts("21");
        facts.Apply(new AgreementFacts(Agreement, 2, AgreementKind.Youth, AgreementStatus.Signed, ["2184"], [], [],
            new AgreementDates(Start, Start.AddYears(3), null, null)));
        foreach (var step in steps)
        {
            facts.Apply(step);
        }

        return facts;
    }
}
