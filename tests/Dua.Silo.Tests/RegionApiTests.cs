using Dua.Contracts.V1;
using Grpc.Core;

namespace Dua.Silo.Tests;

public sealed class RegionApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private readonly RegionService.RegionServiceClient _client = new(silo.Channel);

    [Fact]
    public async Task There_are_21_counties_holding_290_municipalities()
    {
        var response = await _client.ListRegionsAsync(new ListRegionsRequest());

        Assert.Equal(21, response.Regions.Count);
        Assert.Empty(response.NextPageToken);
        Assert.Equal(290, response.Regions.Sum(r => r.MunicipalityCount));
        Assert.Equal(response.Regions.Select(r => r.RegionCode).Order(StringComparer.Ordinal), response.Regions.Select(r => r.RegionCode));
    }

    [Fact]
    public async Task Regions_page_without_gaps()
    {
        var first = await _client.ListRegionsAsync(new ListRegionsRequest { PageSize = 20 });
        var second = await _client.ListRegionsAsync(new ListRegionsRequest { PageSize = 20, PageToken = first.NextPageToken });

        Assert.Equal(20, first.Regions.Count);
        Assert.Single(second.Regions);
        Assert.Equal("25", second.Regions[0].RegionCode);
        Assert.Empty(second.NextPageToken);
    }

    [Theory]
    [InlineData("21", "Gävleborgs län", 10)]
    [InlineData("04", "Södermanlands län", 9)]
    [InlineData("01", "Stockholms län", 26)]
    public async Task A_county_has_its_name_and_municipality_count(string code, string name, int count)
    {
        var region = (await _client.GetRegionAsync(new GetRegionRequest { RegionCode = code })).Region;

        Assert.Equal(code, region.RegionCode);
        Assert.Equal(name, region.Name);
        Assert.Equal(count, region.MunicipalityCount);
    }

    [Fact]
    public async Task An_unknown_county_is_not_found() =>
        await RpcAssert.FailsWith(StatusCode.NotFound,
            async () => await _client.GetRegionAsync(new GetRegionRequest { RegionCode = "99" }));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("021")]
    [InlineData("ab")]
    public async Task A_malformed_county_code_is_an_invalid_argument(string code) =>
        await RpcAssert.InvalidFields(
            async () => await _client.GetRegionAsync(new GetRegionRequest { RegionCode = code }),
            "region_code");

    [Fact]
    public async Task A_bad_page_request_is_an_invalid_argument() =>
        await RpcAssert.InvalidFields(
            async () => await _client.ListRegionsAsync(new ListRegionsRequest { PageSize = 1000, PageToken = "x" }),
            "page_size", "page_token");
}
