using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.LabourMarket;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>What an area's summary derives from its tally: shares, medians, top lists and the latest labour-market month.</summary>
public sealed class AreaSummaryTests
{
    private sealed record Figures(int Unemployed16To64, int Unemployed18To24, int UnemployedNewcomers, int UnemployedOver12Months, double? UnemploymentRate)
        : IMonthlyFigures;

    private static readonly DateTimeOffset AsOf = new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shares_and_the_median_come_from_the_counts()
    {
        var tally = Tally.Empty with
        {
            Municipalities = 4,
            YouthCovered = 3,
            NewcomersCovered = 1,
            Participants = new ParticipantTally(20, 5, 4, 1, [0, 6, 1, 2, 1, 0],
                ImmutableSortedDictionary<int, long>.Empty.Add(30, 4).Add(90, 5).Add(400, 1)),
        };

        var summary = AreaSummary.Of(tally, AsOf, Disclosure.Exact);

        Assert.Equal((3, 0.75), (summary.YouthCoverage.Municipalities, summary.YouthCoverage.Share));
        Assert.Equal((1, 0.25), (summary.NewcomerCoverage.Municipalities, summary.NewcomerCoverage.Share));
        Assert.Equal(new PersonFigure(0.9, false), summary.Participants.ExitedToWorkOrStudies);
        Assert.Equal(new PersonFigure(90, false), summary.Participants.MedianDaysToExit);
        Assert.Equal(new PersonCount(10, false), summary.Participants.Exited);
        Assert.Equal([ExitOutcome.Employment, ExitOutcome.SubsidisedEmployment, ExitOutcome.RegularStudies, ExitOutcome.Other, ExitOutcome.Unknown],
            summary.Participants.ExitsByOutcome.Select(o => o.Outcome));
        Assert.Equal(6, summary.Participants.ExitsByOutcome[0].Count.Value);
    }

    [Fact]
    public void Without_exits_there_is_no_share_and_no_median_and_without_municipalities_no_coverage()
    {
        var summary = AreaSummary.Of(Tally.Empty, AsOf, Disclosure.Exact);

        Assert.Null(summary.Participants.ExitedToWorkOrStudies);
        Assert.Null(summary.Participants.MedianDaysToExit);
        Assert.Equal(0, summary.YouthCoverage.Share);
        Assert.Null(summary.LabourMarket.Month);
        Assert.Equal(LabourMarketTotals.Zero, summary.LabourMarket.Totals);
    }

    [Fact]
    public void The_top_occupations_are_the_most_tracks_then_places_then_code_five_at_most()
    {
        var tracks = JobTrackTally.Of([
            new JobTrackFacts("5321", true, 5, 0), new JobTrackFacts("5321", false, 9, 0),
            new JobTrackFacts("2611", true, 20, 3), new JobTrackFacts("1111", true, 20, 0),
            new JobTrackFacts("4000", true, 1, 0), new JobTrackFacts("5000", true, 1, 0), new JobTrackFacts("6000", true, 1, 0)]);

        var summary = AreaSummary.Of(Tally.Empty with { JobTracks = tracks }, AsOf, Disclosure.Exact).JobTracks;

        Assert.Equal(["5321", "1111", "2611", "4000", "5000"], summary.TopOccupations.Select(o => o.OccupationCode));
        Assert.Equal((7, 6, 48), (summary.Count, summary.Open, summary.Places));
        Assert.Equal(new PersonCount(3, false), summary.PlacesTaken);
        Assert.Equal(5, summary.TopOccupations[0].Places);
    }

    [Fact]
    public void Agreements_add_up_by_kind_and_status_and_drop_what_nets_to_nothing()
    {
        var sum = AgreementTally.Sum([
            new AgreementTally(AgreementKind.Newcomers, AgreementStatus.Signed, 2), new AgreementTally(AgreementKind.Youth, AgreementStatus.Draft, 1),
            new AgreementTally(AgreementKind.Youth, AgreementStatus.Signed, 1), new AgreementTally(AgreementKind.Newcomers, AgreementStatus.Signed, 1),
            new AgreementTally(AgreementKind.Youth, AgreementStatus.Ended, 0)]);

        Assert.Equal([
            new AgreementTally(AgreementKind.Youth, AgreementStatus.Draft, 1), new AgreementTally(AgreementKind.Youth, AgreementStatus.Signed, 1),
            new AgreementTally(AgreementKind.Newcomers, AgreementStatus.Signed, 3)], sum.AsEnumerable());
    }

    [Fact]
    public void The_latest_month_sums_those_who_reported_it_and_the_change_those_who_reported_both()
    {
        var march = new DateOnly(2026, 3, 1);
        var february = new DateOnly(2026, 2, 1);
        LabourMarketFacts Reports(string code, params (DateOnly Month, int Unemployed)[] months) =>
            LabourMarketFacts.Of(code, months.Length, months.Select(m => new ReportedMonth(m.Month, new Figures(m.Unemployed, 10, 5, 1, 4.0))));

        var summary = LabourMarketSummary.Of([
            Reports("2184", (march, 1300), (february, 1350)),
            Reports("2180", (march, 700)),
            Reports("2181", (february, 900)),
            Reports("2182", (march, 200), (new DateOnly(2026, 1, 1), 100)),
            LabourMarketFacts.Of("2183", 0, [])]);

        Assert.Equal(march, summary.Month);
        Assert.Equal(3, summary.MunicipalitiesReported);
        Assert.Equal(new LabourMarketTotals(2200, 30, 15, 3), summary.Totals);
        Assert.Equal(1, summary.MunicipalitiesCompared);
        Assert.Equal(new LabourMarketTotals(1350, 10, 5, 1), summary.PreviousMonth);
        Assert.Equal(new LabourMarketTotals(-50, 0, 0, 0), summary.Change);
    }

    [Fact]
    public void A_municipality_s_facts_keep_its_two_latest_months_newest_first()
    {
        var facts = LabourMarketFacts.Of("2184", 4, [
            new ReportedMonth(new DateOnly(2026, 1, 1), new Figures(1, 0, 0, 0, null)),
            new ReportedMonth(new DateOnly(2026, 3, 1), new Figures(3, 0, 0, 0, null)),
            new ReportedMonth(new DateOnly(2026, 2, 1), new Figures(2, 0, 0, 0, null))]);

        Assert.Equal([3, 2], facts.LatestMonths.Select(m => m.Month.Month));
    }
}
