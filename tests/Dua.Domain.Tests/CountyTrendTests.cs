using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.LabourMarket;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>A small county made by hand, its month figures worked out by hand.</summary>
public sealed class CountyTrendTests
{
    private const string Old = "21-aaaaaaaaaaaaaaaa";
    private const string New = "21-bbbbbbbbbbbbbbbb";
    private static readonly DateTimeOffset AsOf = new(2025, 4, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly int Jan = TrendCalendar.Of(new DateOnly(2025, 1, 1));
    private static readonly int Feb = Jan + 1;
    private static readonly int Mar = Jan + 2;

    private sealed record Figures(int Unemployed16To64, int Unemployed18To24, int UnemployedNewcomers, int UnemployedOver12Months, double? UnemploymentRate)
        : IMonthlyFigures;

    [Fact]
    public void Months_count_by_the_dates_callers_gave()
    {
        var trend = County().Snapshot(AsOf).Trend;

        // January: two enrolled; the second moved to job preparation in January, though that was recorded later.
        Assert.Equal(2, trend.Value(Jan, TrendSlots.Enrolled));
        Assert.Equal(1, trend.Value(Jan, TrendSlots.InModule1));
        Assert.Equal(1, trend.Value(Jan, TrendSlots.InModule2));
        Assert.Equal(0, trend.Exited(Jan));

        // February: one enrolled and gone within ten days; both others in job preparation at the month's end.
        Assert.Equal(1, trend.Value(Feb, TrendSlots.Enrolled));
        Assert.Equal(0, trend.Value(Feb, TrendSlots.InModule1));
        Assert.Equal(2, trend.Value(Feb, TrendSlots.InModule2));
        Assert.Equal(1, trend.Value(Feb, TrendSlots.Exit((int)ExitOutcome.Other)));
        Assert.Equal(10, trend.Days(Feb).Median());

        // March: the first left for work after 69 days.
        Assert.Equal(0, trend.Value(Mar, TrendSlots.Enrolled));
        Assert.Equal(1, trend.Value(Mar, TrendSlots.InModule2));
        Assert.Equal(1, trend.Value(Mar, TrendSlots.Exit((int)ExitOutcome.Employment)));
        Assert.Equal(69, trend.Days(Mar).Median());
        // Later months hold March's end until something changes.
        Assert.Equal(1, trend.Value(Mar + 5, TrendSlots.InModule2));
        Assert.Equal(0, trend.Exited(Mar + 5));
    }

    [Fact]
    public void A_superseded_agreement_is_in_force_until_its_successor_begins()
    {
        var trend = County().Snapshot(AsOf).Trend;
        var youth = TrendSlots.InForce(AgreementKind.Youth);

        // The old agreement (one open track, 10 places) until 14 March; the new one (no tracks) from the 15th.
        Assert.Equal([1, 1, 1], new[] { Jan, Feb, Mar }.Select(m => trend.Value(m, youth)));
        Assert.Equal([1, 1, 0], new[] { Jan, Feb, Mar }.Select(m => trend.Value(m, TrendSlots.TracksOpen)));
        Assert.Equal([10, 10, 0], new[] { Jan, Feb, Mar }.Select(m => trend.Value(m, TrendSlots.Places)));
        Assert.Equal([1, 1, 1], new[] { Jan, Feb, Mar }.Select(m => trend.Value(m, TrendSlots.YouthCovered)));
        Assert.Equal(0, trend.Value(Jan - 1, youth));
    }

    [Fact]
    public void Labour_market_months_take_corrections_and_compare_with_the_month_before()
    {
        var trend = County().Snapshot(AsOf).Trend;

        Assert.Equal(1, trend.Value(Jan, TrendSlots.Reported));
        Assert.Equal(100, trend.Value(Jan, TrendSlots.FirstFigure));
        Assert.Equal(0, trend.Value(Jan, TrendSlots.Compared));
        // February as corrected (90 → 80) in Hudiksvall, plus Gävle's 50; only Hudiksvall reported both months.
        Assert.Equal(2, trend.Value(Feb, TrendSlots.Reported));
        Assert.Equal(130, trend.Value(Feb, TrendSlots.FirstFigure));
        Assert.Equal(1, trend.Value(Feb, TrendSlots.Compared));
        Assert.Equal(-20, trend.Value(Feb, TrendSlots.FirstChange));
        Assert.Equal(0, trend.Value(Mar, TrendSlots.Reported));
    }

    [Fact]
    public void Dialogues_count_in_their_month_and_in_the_municipalities_they_concern()
    {
        var statistics = County().Snapshot(AsOf);

        Assert.Equal(1, statistics.Trend.Value(Feb, TrendSlots.DialoguesHeld));
        Assert.Equal(1, statistics.Trend.Value(Feb, TrendSlots.MunicipalitiesStarted));
        Assert.Equal(1, statistics.MunicipalityTrends["2180"].Value(Feb, TrendSlots.DialoguesHeld));
        Assert.Equal(0, statistics.MunicipalityTrends["2180"].Value(Feb, TrendSlots.MunicipalitiesStarted));
        Assert.Equal(1, statistics.MunicipalityTrends["2184"].Value(Feb, TrendSlots.MunicipalitiesStarted));
        Assert.Equal(0, statistics.MunicipalityTrends["2180"].Value(Feb, TrendSlots.Enrolled));
        Assert.Equal(1, statistics.MunicipalityTrends["2184"].Value(Feb, TrendSlots.Enrolled));
    }

    [Fact]
    public void The_figures_a_caller_sees_follow_the_months()
    {
        var trend = County().Snapshot(AsOf).Trend;
        var march = TrendMonthFigures.Of(trend, Mar, TrendPersonCells.Of(trend, Mar, 1, Disclosure.Exact));

        Assert.Equal(1.0, march.ExitedToWorkOrStudies!.Value);
        Assert.Equal(69, march.MedianDaysToExit!.Value);
        Assert.Equal(1, march.PlacesTaken.Value + march.InModule2.Value);
        Assert.Null(TrendMonthFigures.Of(trend, Mar + 1, TrendPersonCells.Of(trend, Mar + 1, 1, Disclosure.Exact)).MedianDaysToExit);
    }

    [Fact]
    public void A_county_counted_afresh_gives_the_same_months()
    {
        var live = County().Snapshot(AsOf);
        var fresh = new CountyFacts("21");
        fresh.Merge(County());

        Assert.Equal(live.Trend, fresh.Snapshot(AsOf).Trend);
    }

    /// <summary>The county as its grains would feed it: some facts late, some corrected, one agreement superseded.</summary>
    internal static CountyFacts County()
    {
        var facts = new CountyFacts("21");
        var track = ImmutableArray.Create(new JobTrackFacts("5321", true, 10, 0));
        facts.Apply(new AgreementFacts(Old, 2, AgreementKind.Youth, AgreementStatus.Signed, ["2184"], track, [],
            new AgreementDates(Day(2025, 1, 1), Day(2026, 12, 31), null, null)));
        facts.Apply(Participant("p1", 1, Day(2025, 1, 10)));
        facts.Apply(Participant("p2", 1, Day(2025, 1, 20)));
        facts.Apply(Participant("p1", 2, Day(2025, 1, 10), prep: Day(2025, 2, 5)));
        facts.Apply(Participant("p3", 1, Day(2025, 2, 1)));
        facts.Apply(Participant("p3", 2, Day(2025, 2, 1), exit: (Day(2025, 2, 11), ExitOutcome.Other)));
        facts.Apply(new AgreementFacts(New, 2, AgreementKind.Youth, AgreementStatus.Signed, ["2184"], [], [],
            new AgreementDates(Day(2025, 3, 15), Day(2027, 12, 31), null, null)));
        facts.Apply(new AgreementFacts(Old, 3, AgreementKind.Youth, AgreementStatus.Ended, ["2184"], track, [],
            new AgreementDates(Day(2025, 1, 1), Day(2026, 12, 31), null, New)));
        facts.Apply(Participant("p1", 3, Day(2025, 1, 10), prep: Day(2025, 2, 5), exit: (Day(2025, 3, 20), ExitOutcome.Employment)));
        // Recorded in April, it happened in January.
        facts.Apply(Participant("p2", 2, Day(2025, 1, 20), prep: Day(2025, 1, 25)));

        facts.Apply(LabourMarketFacts.Of("2184", 1, [Month(2025, 1, 100)]));
        facts.Apply(LabourMarketFacts.Of("2184", 2, [Month(2025, 1, 100), Month(2025, 2, 90)]));
        facts.Apply(LabourMarketFacts.Of("2184", 3, [Month(2025, 1, 100), Month(2025, 2, 80)]));
        facts.Apply(LabourMarketFacts.Of("2180", 1, [Month(2025, 2, 50)]));
        facts.Apply(new DialogueFacts("21", 2, 0, [new DialogueHeld(Day(2025, 2, 14), ["2184", "2180"], ["2184"])]));
        return facts;
    }

    private static ParticipantFacts Participant(string who, long version, DateOnly enrolled, DateOnly? prep = null, (DateOnly On, ExitOutcome Outcome)? exit = null) => new(
        $"{Old}-{who}", Old, version,
        exit is null ? ParticipantStatus.Active : ParticipantStatus.Exited,
        exit is not null ? 0 : prep is null ? 1 : 2,
        exit?.Outcome ?? ExitOutcome.Unspecified,
        exit is { } e ? ParticipantFacts.DaysBetween(enrolled, e.On) : null,
        new ParticipantDates(enrolled, prep, null, exit?.On));

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    private static ReportedMonth Month(int year, int month, int unemployed) =>
        new(new DateOnly(year, month, 1), new Figures(unemployed, 10, 5, 1, 4.0));
}
