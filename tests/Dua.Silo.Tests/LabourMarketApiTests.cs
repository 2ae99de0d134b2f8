using Dua.Contracts.V1;
using Grpc.Core;

namespace Dua.Silo.Tests;

/// <summary>
/// dua.v1.LabourMarketService in process. The silo is shared by the tests of this class, so each test that writes
/// reports for a municipality of its own.
/// </summary>
public sealed class LabourMarketApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly LabourMarketService.LabourMarketServiceClient _client = new(silo.Channel);

    /// <summary>Hudiksvall (2184), March 2026: 1,300 unemployed aged 16-64; 300 of them 18-24, 160 newcomers, 400 for over twelve months.</summary>
    private static ReportMonthlyFiguresRequest Hudiksvall(string municipalityCode = "2184", string month = "2026-03") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        MunicipalityCode = municipalityCode,
        Month = month,
        Unemployed1664 = 1300,
        Unemployed1824 = 300,
        UnemployedNewcomers = 160,
        UnemployedOver12Months = 400,
        UnemploymentRate = 7.2,
    };

    private static string CurrentMonth => DateTime.UtcNow.ToString("yyyy-MM");

    [Fact]
    public async Task Hudiksvall_reports_its_figures_and_reads_them_back()
    {
        var reported = (await _client.ReportMonthlyFiguresAsync(Hudiksvall())).Figures;

        var read = (await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "2184", Month = "2026-03" })).Figures;

        Assert.Equal(reported, read);
        Assert.Equal(("2184", "2026-03"), (read.MunicipalityCode, read.Month));
        Assert.Equal((1300, 300, 160, 400, 7.2), (read.Unemployed1664, read.Unemployed1824, read.UnemployedNewcomers, read.UnemployedOver12Months, read.UnemploymentRate));
        Assert.Equal(1, read.Revision);
        Assert.NotNull(read.ReportedAt);
        var listed = await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest { MunicipalityCode = "2184" });
        Assert.Equal([read], listed.Figures);
        Assert.Empty(listed.NextPageToken);
    }

    [Fact]
    public async Task A_retry_returns_the_same_figures_and_other_content_under_its_id_is_refused()
    {
        var request = Hudiksvall("2180");
        var first = await _client.ReportMonthlyFiguresAsync(request);

        var retried = await _client.ReportMonthlyFiguresAsync(request);
        Assert.Equal(first, retried);

        var changed = request.Clone();
        changed.Unemployed1664 = 1400;
        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(changed), "request_id");
        var stored = await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "2180", Month = "2026-03" });
        Assert.Equal(1300, stored.Figures.Unemployed1664);
        Assert.Equal(1, stored.Figures.Revision);
    }

    [Fact]
    public async Task Reporting_a_month_again_is_a_correction()
    {
        await _client.ReportMonthlyFiguresAsync(Hudiksvall("2181"));
        var correction = Hudiksvall("2181");
        correction.Unemployed1664 = 1350;
        correction.UnemployedOver12Months = 420;

        var corrected = (await _client.ReportMonthlyFiguresAsync(correction)).Figures;

        Assert.Equal((1350, 420, 2), (corrected.Unemployed1664, corrected.UnemployedOver12Months, corrected.Revision));
        var listed = await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest { MunicipalityCode = "2181" });
        Assert.Equal([corrected], listed.Figures);
    }

    [Fact]
    public async Task The_current_month_may_be_reported()
    {
        var reported = await _client.ReportMonthlyFiguresAsync(Hudiksvall("2182", CurrentMonth));
        Assert.Equal(CurrentMonth, reported.Figures.Month);
    }

    [Fact]
    public async Task A_month_after_the_current_one_is_an_invalid_argument()
    {
        var future = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM");

        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(Hudiksvall("2183", future)), "month");
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "2183", Month = future }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-3")]
    [InlineData("2026-13")]
    [InlineData("2026-03-01")]
    [InlineData("1999-12")]
    [InlineData("mars 2026")]
    public async Task A_bad_month_is_an_invalid_argument(string month)
    {
        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(Hudiksvall("2101", month)), "month");
        await RpcAssert.InvalidFields(
            async () => await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "2101", Month = month }), "month");
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 5.0, "unemployed_16_64")]
    [InlineData(1_000_001, 0, 0, 0, 5.0, "unemployed_16_64")]
    [InlineData(1300, -1, 0, 0, 5.0, "unemployed_18_24")]
    [InlineData(1300, 1301, 0, 0, 5.0, "unemployed_18_24")]
    [InlineData(1300, 0, 1301, 0, 5.0, "unemployed_newcomers")]
    [InlineData(1300, 0, 0, 1301, 5.0, "unemployed_over_12_months")]
    [InlineData(1300, 0, 0, 0, -0.1, "unemployment_rate")]
    [InlineData(1300, 0, 0, 0, 100.1, "unemployment_rate")]
    [InlineData(1300, 0, 0, 0, double.NaN, "unemployment_rate")]
    [InlineData(1300, 0, 0, 0, double.PositiveInfinity, "unemployment_rate")]
    public async Task Impossible_figures_are_an_invalid_argument_naming_the_field(int total, int young, int newcomers, int longTerm, double rate, string field)
    {
        var request = Hudiksvall("2104");
        request.Unemployed1664 = total;
        request.Unemployed1824 = young;
        request.UnemployedNewcomers = newcomers;
        request.UnemployedOver12Months = longTerm;
        request.UnemploymentRate = rate;

        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(request), field);
    }

    [Fact]
    public async Task Every_bad_field_of_a_report_is_named_at_once()
    {
        var request = new ReportMonthlyFiguresRequest
        {
            MunicipalityCode = "21x4",
            Month = "2026/03",
            Unemployed1664 = 100,
            Unemployed1824 = 101,
            UnemployedNewcomers = 102,
            UnemployedOver12Months = 103,
            UnemploymentRate = 150,
        };

        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(request),
            "request_id", "municipality_code", "month", "unemployed_18_24", "unemployed_newcomers", "unemployed_over_12_months", "unemployment_rate");
    }

    [Fact]
    public async Task An_unknown_municipality_is_not_found_and_a_malformed_one_invalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, async () => await _client.ReportMonthlyFiguresAsync(Hudiksvall("9999")));
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "9999", Month = "2026-03" }));
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest { MunicipalityCode = "9999" }));
        await RpcAssert.InvalidFields(async () => await _client.ReportMonthlyFiguresAsync(Hudiksvall("218")), "municipality_code");
        await RpcAssert.InvalidFields(async () => await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest()), "municipality_code");
    }

    [Fact]
    public async Task A_month_never_reported_is_not_found()
    {
        var e = await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = "2121", Month = "2026-02" }));
        Assert.Contains("2121/2026-02", e.Status.Detail);
    }

    [Fact]
    public async Task Months_page_newest_first_within_the_bounds()
    {
        for (var month = 1; month <= 8; month++)
        {
            await _client.ReportMonthlyFiguresAsync(Hudiksvall("2132", $"2025-{month:00}"));
        }

        var months = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest
            {
                MunicipalityCode = "2132", FromMonth = "2025-02", ToMonth = "2025-07", PageSize = 4, PageToken = token,
            });
            months.AddRange(page.Figures.Select(f => f.Month));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(2, pages);
        Assert.Equal(["2025-07", "2025-06", "2025-05", "2025-04", "2025-03", "2025-02"], months);

        var all = await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest { MunicipalityCode = "2132" });
        Assert.Equal(8, all.Figures.Count);
        Assert.Equal("2025-08", all.Figures[0].Month);
    }

    [Fact]
    public async Task A_page_token_continues_only_its_own_listing()
    {
        for (var month = 1; month <= 3; month++)
        {
            await _client.ReportMonthlyFiguresAsync(Hudiksvall("2161", $"2024-{month:00}"));
        }

        var first = await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest { MunicipalityCode = "2161", PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);

        await RpcAssert.InvalidFields(async () => await _client.ListMonthlyFiguresAsync(
            new ListMonthlyFiguresRequest { MunicipalityCode = "2161", FromMonth = "2024-02", PageSize = 1, PageToken = first.NextPageToken }), "page_token");
        await RpcAssert.InvalidFields(async () => await _client.ListMonthlyFiguresAsync(
            new ListMonthlyFiguresRequest { MunicipalityCode = "2184", PageSize = 1, PageToken = first.NextPageToken }), "page_token");
    }

    [Fact]
    public async Task Bad_list_arguments_are_named_at_once()
    {
        await RpcAssert.InvalidFields(async () => await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest
        {
            MunicipalityCode = "2184", FromMonth = "2025-06", ToMonth = "2025-05", PageSize = 101, PageToken = "junk",
        }), "to_month", "page_size", "page_token");
        await RpcAssert.InvalidFields(async () => await _client.ListMonthlyFiguresAsync(new ListMonthlyFiguresRequest
        {
            MunicipalityCode = "2184", FromMonth = "1999-01", ToMonth = "2025-5", PageSize = -1,
        }), "from_month", "to_month", "page_size");
    }
}
