using Dua.Contracts.V1;
using Grpc.Core;

namespace Dua.Silo.Tests;

public sealed class MunicipalityApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly MunicipalityService.MunicipalityServiceClient _client = new(silo.Channel);

    [Fact]
    public async Task Hudiksvall_lies_in_Gavleborg()
    {
        var response = await _client.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = "2184" });

        Assert.Equal("2184", response.Municipality.MunicipalityCode);
        Assert.Equal("Hudiksvall", response.Municipality.Name);
        Assert.Equal("21", response.Municipality.RegionCode);
        Assert.Equal("Gävleborgs län", response.Municipality.RegionName);
    }

    [Fact]
    public async Task Sodermanland_has_nine_municipalities_across_pages()
    {
        var first = await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "04", PageSize = 5 });
        Assert.Equal(5, first.Municipalities.Count);
        Assert.NotEmpty(first.NextPageToken);

        var second = await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "04", PageSize = 5, PageToken = first.NextPageToken });
        Assert.Equal(4, second.Municipalities.Count);
        Assert.Empty(second.NextPageToken);

        var all = first.Municipalities.Concat(second.Municipalities).ToArray();
        Assert.All(all, m => Assert.Equal("04", m.RegionCode));
        Assert.Equal(9, all.Select(m => m.MunicipalityCode).Distinct().Count());
        Assert.Contains(all, m => m.Name == "Eskilstuna" && m.MunicipalityCode == "0484");
    }

    [Fact]
    public async Task The_whole_country_pages_through_290_municipalities_in_code_order()
    {
        var codes = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 100, PageToken = token });
            codes.AddRange(page.Municipalities.Select(m => m.MunicipalityCode));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(290, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(290, codes.Distinct().Count());
    }

    [Fact]
    public async Task A_default_page_holds_fifty()
    {
        var page = await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest());
        Assert.Equal(50, page.Municipalities.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = "9999" }));
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "99" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("218")]
    [InlineData("21845")]
    [InlineData("21a4")]
    [InlineData("２１８４")]
    [InlineData(" 2184")]
    public async Task A_malformed_municipality_code_is_an_invalid_argument(string code) =>
        await RpcAssert.InvalidFields(
            async () => await _client.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = code }),
            "municipality_code");

    [Theory]
    [InlineData("2")]
    [InlineData("210")]
    [InlineData("x1")]
    public async Task A_malformed_region_filter_is_an_invalid_argument(string code) =>
        await RpcAssert.InvalidFields(
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = code }),
            "region_code");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    public async Task A_page_size_out_of_range_is_an_invalid_argument(int size) =>
        await RpcAssert.InvalidFields(
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = size }),
            "page_size");

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("djF8MDR8")]
    [InlineData("%%%")]
    public async Task A_page_token_this_service_did_not_issue_is_an_invalid_argument(string token) =>
        await RpcAssert.InvalidFields(
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageToken = token }),
            "page_token");

    [Fact]
    public async Task A_page_token_used_with_another_filter_is_an_invalid_argument()
    {
        var first = await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "04", PageSize = 2 });

        await RpcAssert.InvalidFields(
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "21", PageToken = first.NextPageToken }),
            "page_token");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        await RpcAssert.InvalidFields(
            async () => await _client.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { RegionCode = "2", PageSize = -5, PageToken = "junk" }),
            "region_code", "page_size", "page_token");
    }
}
