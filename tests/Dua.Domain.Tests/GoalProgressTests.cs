using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.LabourMarket;
using Dua.Domain.Statistics;

namespace Dua.Domain.Tests;

/// <summary>A goal measured from a municipality's figures as the caller sees them: current value, progress, days left.</summary>
public sealed class GoalProgressTests
{
    private sealed record Figures(int Unemployed16To64, int Unemployed18To24, int UnemployedNewcomers, int UnemployedOver12Months, double? UnemploymentRate)
        : IMonthlyFigures;

    private static readonly DateOnly Today = new(2026, 4, 2);

    private static readonly Tally Hudiksvall = Tally.Empty with
    {
        Municipalities = 1,
        Participants = ParticipantTally.Empty with { Enrolled = 12, InModule1 = 12 },
        LabourMarket = [LabourMarketFacts.Of("2184", 1, [new ReportedMonth(new DateOnly(2026, 3, 1), new Figures(1300, 300, 160, 400, 7.2))])],
    };

    [Theory]
    [InlineData("unemployment_rate", 7.2)]
    [InlineData(" Unemployed_16_64 ", 1300.0)]
    [InlineData("unemployed_18_24", 300.0)]
    [InlineData("unemployed_newcomers", 160.0)]
    [InlineData("unemployed_over_12_months", 400.0)]
    [InlineData("participants_enrolled", 12.0)]
    [InlineData("number_of_employers", null)]
    public void A_metric_the_platform_knows_is_measured(string metric, double? current)
    {
        var progress = Measure(Goal(metric, baseline: null, target: 1), Hudiksvall, Disclosure.Exact);

        Assert.Equal(current, progress.Current);
        Assert.Null(progress.Progress);
    }

    [Fact]
    public void Progress_runs_from_the_baseline_to_the_target_and_days_count_down_to_its_date()
    {
        var progress = Measure(Goal("unemployed_16_64", baseline: 1500, target: 1000), Hudiksvall, Disclosure.Exact);

        Assert.Equal(0.4, progress.Progress!.Value, precision: 10);
        Assert.Equal(new DateOnly(2027, 12, 31).DayNumber - Today.DayNumber, progress.DaysToTarget);
        Assert.Null(Measure(Goal("unemployed_16_64", baseline: 1000, target: 1000), Hudiksvall, Disclosure.Exact).Progress);
    }

    [Fact]
    public void A_withheld_count_measures_nothing()
    {
        var few = Hudiksvall with { Participants = ParticipantTally.Empty with { Enrolled = 3, InModule1 = 3 } };

        Assert.Equal(3.0, Measure(Goal("participants_enrolled", null, 10), few, Disclosure.Exact).Current);
        Assert.Null(Measure(Goal("participants_enrolled", null, 10), few, Disclosure.SuppressSmallCounts).Current);
    }

    [Fact]
    public void Labour_market_metrics_need_a_reported_month()
    {
        var silent = Hudiksvall with { LabourMarket = [] };

        Assert.Null(Measure(Goal("unemployed_16_64", 1500, 1000), silent, Disclosure.Exact).Current);
        Assert.Null(Measure(Goal("unemployment_rate", 8, 6), silent, Disclosure.Exact).Current);
    }

    private static GoalProgress Measure(AgreementGoal goal, Tally tally, Disclosure disclosure) =>
        GoalProgress.Of(goal, AreaSummary.Of(tally, DateTimeOffset.UnixEpoch, disclosure), tally, Today);

    private static AgreementGoal Goal(string metric, double? baseline, double target) =>
        new("21-79ecd7f1acc06f2d", AgreementKind.Newcomers, new GoalFacts(metric, baseline, target, new DateOnly(2027, 12, 31), ""));
}
