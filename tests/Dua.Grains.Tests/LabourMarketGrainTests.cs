using Dua.Domain;
using Dua.Domain.LabourMarket;
using Dua.Domain.Requests;
using Dua.ReferenceData;
using static Dua.Grains.Tests.Refusals;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.LabourMarket;

namespace Dua.Grains.Tests;

/// <summary>
/// Monthly labour-market figures per municipality, on one in-process silo. The cluster is shared by the tests of this
/// class, so each test reports for a municipality of its own.
/// </summary>
public sealed class LabourMarketGrainTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private static readonly DateOnly March2026 = new(2026, 3, 1);

    /// <summary>Hudiksvall (2184): 1,300 unemployed aged 16-64; 300 of them 18-24, 160 newcomers, 400 for over twelve months.</summary>
    private static readonly MonthlyFigures Hudiksvall = new(1300, 300, 160, 400, 7.2);

    [Fact]
    public async Task Hudiksvall_reports_March_and_reads_it_back()
    {
        var reported = await Figures("2184").ReportAsync(NewRequest(), March2026, Hudiksvall);

        Assert.Equal("2184", reported.MunicipalityCode);
        Assert.Equal(March2026, reported.Month);
        Assert.Equal(Hudiksvall, reported.Figures);
        Assert.Equal(1, reported.Revision);
        Assert.Equal(reported, await Figures("2184").GetAsync(March2026));
        Assert.Equal([reported], (await Figures("2184").ListAsync(new MonthlyReportQuery(null, null, null, 50))).ToArray());
    }

    [Fact]
    public async Task A_month_never_reported_reads_as_null()
    {
        Assert.Null(await Figures("2101").GetAsync(March2026));
        Assert.Empty(await Figures("2101").ListAsync(new MonthlyReportQuery(null, null, null, 50)));
    }

    [Fact]
    public async Task A_retried_report_returns_the_first_outcome_and_applies_nothing_twice()
    {
        var request = NewRequest();
        var first = await Figures("2104").ReportAsync(request, March2026, Hudiksvall);

        var retried = await Figures("2104").ReportAsync(request, March2026, Hudiksvall);

        Assert.Equal(first, retried);
        Assert.Equal(1, (await Figures("2104").GetAsync(March2026))!.Revision);
    }

    [Fact]
    public async Task A_request_id_used_for_other_figures_is_refused()
    {
        var request = NewRequest("first content");
        await Figures("2121").ReportAsync(request, March2026, Hudiksvall);

        await RefusedAsync(
            () => Figures("2121").ReportAsync(request with { Fingerprint = "other content" }, March2026, Hudiksvall with { Unemployed16To64 = 1400 }),
            DomainRuleKind.InvalidValue, "requestId");
        Assert.Equal(Hudiksvall, (await Figures("2121").GetAsync(March2026))!.Figures);
    }

    [Fact]
    public async Task Reporting_a_month_again_corrects_it_and_a_late_retry_of_the_first_report_does_not_undo_that()
    {
        var first = NewRequest("first");
        await Figures("2132").ReportAsync(first, March2026, Hudiksvall);
        var corrected = Hudiksvall with { Unemployed16To64 = 1350, UnemploymentRate = 7.4 };

        var correction = await Figures("2132").ReportAsync(NewRequest("second"), March2026, corrected);
        var lateRetry = await Figures("2132").ReportAsync(first, March2026, Hudiksvall);

        Assert.Equal(2, correction.Revision);
        Assert.Equal(corrected, correction.Figures);
        Assert.Equal(correction, lateRetry);
        var all = await Figures("2132").ListAsync(new MonthlyReportQuery(null, null, null, 50));
        Assert.Equal([correction], all.ToArray());
    }

    [Fact]
    public async Task The_same_figures_reported_again_are_not_a_correction()
    {
        var first = await Figures("2161").ReportAsync(NewRequest(), March2026, Hudiksvall);

        var again = await Figures("2161").ReportAsync(NewRequest(), March2026, Hudiksvall);

        Assert.Equal(first, again);
        Assert.Equal(1, again.Revision);
    }

    [Fact]
    public async Task The_current_month_may_be_reported_but_not_a_later_one_nor_one_before_2000()
    {
        var current = ReportingMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        await Figures("2181").ReportAsync(NewRequest(), current, Hudiksvall);

        await RefusedAsync(() => Figures("2181").ReportAsync(NewRequest(), current.AddMonths(2), Hudiksvall), DomainRuleKind.InvalidValue, ReportingMonth.Field);
        await RefusedAsync(() => Figures("2181").ReportAsync(NewRequest(), new DateOnly(1999, 12, 1), Hudiksvall), DomainRuleKind.InvalidValue, ReportingMonth.Field);
        Assert.Null(await Figures("2181").GetAsync(current.AddMonths(2)));
        Assert.Single(await Figures("2181").ListAsync(new MonthlyReportQuery(null, null, null, 50)));
    }

    [Theory]
    [InlineData(1300, 1301, 0, 0, 5.0, MonthlyFiguresRules.Unemployed18To24)]
    [InlineData(1300, 0, 1301, 0, 5.0, MonthlyFiguresRules.UnemployedNewcomers)]
    [InlineData(1300, 0, 0, 1301, 5.0, MonthlyFiguresRules.UnemployedOver12Months)]
    [InlineData(-1, 0, 0, 0, 5.0, MonthlyFiguresRules.Unemployed16To64)]
    [InlineData(1_000_001, 0, 0, 0, 5.0, MonthlyFiguresRules.Unemployed16To64)]
    [InlineData(1300, 0, 0, 0, 100.5, MonthlyFiguresRules.UnemploymentRate)]
    [InlineData(1300, 0, 0, 0, double.NaN, MonthlyFiguresRules.UnemploymentRate)]
    public async Task Impossible_figures_are_refused_naming_the_field(int total, int young, int newcomers, int longTerm, double rate, string field)
    {
        var grain = Figures("2182");

        await RefusedAsync(() => grain.ReportAsync(NewRequest(), March2026, new MonthlyFigures(total, young, newcomers, longTerm, rate)),
            DomainRuleKind.InvalidValue, field);
        Assert.Null(await grain.GetAsync(March2026));
    }

    [Fact]
    public async Task A_subgroup_equal_to_the_whole_is_allowed()
    {
        var report = await Figures("2183").ReportAsync(NewRequest(), March2026, new MonthlyFigures(500, 500, 500, 500, 100));
        Assert.Equal(500, report.Figures.UnemployedOver12Months);
    }

    [Fact]
    public async Task Months_list_newest_first_within_the_bounds_and_continue_before_the_last_one()
    {
        var grain = Figures("2180");
        for (var month = new DateOnly(2025, 1, 1); month <= new DateOnly(2025, 12, 1); month = month.AddMonths(1))
        {
            await grain.ReportAsync(NewRequest(), month, Hudiksvall with { Unemployed16To64 = 2000 + month.Month });
        }

        var bounded = await grain.ListAsync(new MonthlyReportQuery(new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 1), null, 4));
        Assert.Equal([8, 7, 6, 5], bounded.Select(r => r.Month.Month));

        var next = await grain.ListAsync(new MonthlyReportQuery(new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 1), bounded[^1].Month, 4));
        Assert.Equal([4, 3], next.Select(r => r.Month.Month));
        Assert.Equal(2004, next[0].Figures.Unemployed16To64);
    }

    [Fact]
    public async Task An_unknown_municipality_is_not_found()
    {
        var grain = Figures("9999");

        await RefusedAsync(() => grain.ReportAsync(NewRequest(), March2026, Hudiksvall), DomainRuleKind.NotFound, KnownAreas.Municipality);
        await RefusedAsync(() => grain.GetAsync(March2026), DomainRuleKind.NotFound, KnownAreas.Municipality);
        await RefusedAsync(() => grain.ListAsync(new MonthlyReportQuery(null, null, null, 50)), DomainRuleKind.NotFound, KnownAreas.Municipality);
    }

    [Fact]
    public async Task Municipalities_whose_codes_differ_only_by_leading_zeros_keep_their_own_figures()
    {
        // "0180" is all hex digits; the key prefix keeps it from loading another grain's state.
        await Figures("0180").ReportAsync(NewRequest(), March2026, Hudiksvall);

        Assert.NotNull(await Figures("0180").GetAsync(March2026));
        Assert.Null(await Figures("0181").GetAsync(March2026));
        var keys = Geography.Sweden.Municipalities.Select(m => GrainKeys.LabourMarket(m.Code)).ToArray();
        Assert.Equal(290, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(keys, key => key.All(Uri.IsHexDigit));
    }

    private ILabourMarketGrain Figures(string municipalityCode) =>
        fixture.Grains.GetGrain<ILabourMarketGrain>(GrainKeys.LabourMarket(municipalityCode));

    private static RequestKey NewRequest(string fingerprint = "content") => new($"req-{Guid.NewGuid():N}", fingerprint);
}
