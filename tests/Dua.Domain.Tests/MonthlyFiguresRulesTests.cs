using Dua.Domain.LabourMarket;

namespace Dua.Domain.Tests;

/// <summary>What makes a month's figures possible, and which months may be reported.</summary>
public sealed class MonthlyFiguresRulesTests
{
    private sealed record Figures(int Unemployed16To64, int Unemployed18To24, int UnemployedNewcomers, int UnemployedOver12Months, double? UnemploymentRate)
        : IMonthlyFigures;

    private static readonly Figures Hudiksvall = new(1300, 300, 160, 400, 7.2);

    [Theory]
    [InlineData(-1, 0, 0, 0, 5.0, MonthlyFiguresRules.Unemployed16To64)]
    [InlineData(1_000_001, 0, 0, 0, 5.0, MonthlyFiguresRules.Unemployed16To64)]
    [InlineData(1300, -1, 0, 0, 5.0, MonthlyFiguresRules.Unemployed18To24)]
    [InlineData(1300, 1301, 0, 0, 5.0, MonthlyFiguresRules.Unemployed18To24)]
    [InlineData(1300, 0, 1301, 0, 5.0, MonthlyFiguresRules.UnemployedNewcomers)]
    [InlineData(1300, 0, 0, 1301, 5.0, MonthlyFiguresRules.UnemployedOver12Months)]
    [InlineData(1300, 0, 0, 0, -0.1, MonthlyFiguresRules.UnemploymentRate)]
    [InlineData(1300, 0, 0, 0, 100.1, MonthlyFiguresRules.UnemploymentRate)]
    [InlineData(1300, 0, 0, 0, double.NaN, MonthlyFiguresRules.UnemploymentRate)]
    [InlineData(1300, 0, 0, 0, double.PositiveInfinity, MonthlyFiguresRules.UnemploymentRate)]
    public void Impossible_figures_name_the_field(int total, int young, int newcomers, int longTerm, double rate, string field)
    {
        var figures = new Figures(total, young, newcomers, longTerm, rate);

        Assert.Equal([field], figures.Violations().Select(v => v.Field));
        var refused = Assert.Throws<DomainRuleException>(figures.RequirePossible);
        Assert.Equal((DomainRuleKind.InvalidValue, field), (refused.Kind, refused.Subject));
    }

    [Fact]
    public void Every_impossible_figure_is_named_at_once()
    {
        Assert.Equal(
            [MonthlyFiguresRules.Unemployed18To24, MonthlyFiguresRules.UnemployedNewcomers, MonthlyFiguresRules.UnemployedOver12Months, MonthlyFiguresRules.UnemploymentRate],
            new Figures(100, 101, 102, 103, 150).Violations().Select(v => v.Field));
    }

    [Fact]
    public void Subgroups_as_large_as_the_whole_and_no_rate_are_possible()
    {
        Assert.Empty(new Figures(500, 500, 500, 500, 100).Violations());
        Assert.Empty(new Figures(0, 0, 0, 0, null).Violations());
        Hudiksvall.RequirePossible();
    }

    [Fact]
    public void The_same_figures_again_are_no_correction()
    {
        Assert.True(Hudiksvall.SameAs(Hudiksvall with { }));
        Assert.False(Hudiksvall.SameAs(Hudiksvall with { UnemploymentRate = 7.3 }));
        Assert.False(Hudiksvall.SameAs(Hudiksvall with { UnemploymentRate = null }));
    }

    [Fact]
    public void Months_from_2000_up_to_the_current_one_may_be_reported()
    {
        var today = new DateOnly(2026, 3, 14);
        ReportingMonth.RequireReportable(new DateOnly(2026, 3, 1), today);
        ReportingMonth.RequireReportable(ReportingMonth.Earliest, today);

        foreach (var month in new[] { new DateOnly(2026, 4, 1), new DateOnly(1999, 12, 1) })
        {
            var refused = Assert.Throws<DomainRuleException>(() => ReportingMonth.RequireReportable(month, today));
            Assert.Equal((DomainRuleKind.InvalidValue, ReportingMonth.Field), (refused.Kind, refused.Subject));
        }

        Assert.Throws<ArgumentException>(() => ReportingMonth.RequireReportable(new DateOnly(2026, 3, 2), today));
    }

    [Fact]
    public void A_month_reads_and_writes_as_YYYY_MM()
    {
        Assert.True(ReportingMonth.TryParse("2026-03", out var month));
        Assert.Equal(new DateOnly(2026, 3, 1), month);
        Assert.Equal("2026-03", ReportingMonth.ToText(month));
        Assert.Equal(month, ReportingMonth.Of(new DateOnly(2026, 3, 31)));
        Assert.False(ReportingMonth.TryParse("2026-3", out _));
        Assert.False(ReportingMonth.TryParse("2026-03-01", out _));
    }
}
