using Dua.ReferenceData;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

public sealed class GeographySeederTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    [Fact]
    public async Task Seeding_loads_every_county_and_municipality_and_a_second_run_changes_nothing()
    {
        var seeder = new GeographySeeder(fixture.Grains);
        await seeder.SeedAsync(Geography.Sweden);

        var again = await seeder.SeedAsync(Geography.Sweden);
        Assert.Equal(0, again);

        var regions = await Task.WhenAll(Geography.Sweden.Counties.Select(c => Region(c.Code).GetAsync()));
        Assert.Equal(21, regions.Length);
        Assert.All(regions, Assert.NotNull);
        Assert.Equal(290, regions.Sum(r => r!.Municipalities.Length));

        var gavleborg = await Region("21").GetAsync();
        Assert.Equal("Gävleborgs län", gavleborg!.Name);
        Assert.Equal(10, gavleborg.Municipalities.Length);
        Assert.Equal(9, (await Region("04").GetAsync())!.Municipalities.Length);

        var hudiksvall = await Municipality("2184").GetAsync();
        Assert.Equal(new MunicipalityInfo("2184", "Hudiksvall", "21", "Gävleborgs län"), hudiksvall);
    }

    [Fact]
    public async Task A_changed_name_is_written_once_and_then_is_a_no_op()
    {
        var grain = Municipality("0999");
        var renamed = new MunicipalityInfo("0999", "Testby", "09", "Gotlands län");

        Assert.True(await grain.RegisterAsync(renamed));
        Assert.False(await grain.RegisterAsync(renamed));
        Assert.True(await grain.RegisterAsync(renamed with { Name = "Testby2" }));
        Assert.Equal("Testby2", (await grain.GetAsync())!.Name);
    }

    [Fact]
    public async Task Data_for_another_code_is_refused_and_not_stored()
    {
        var grain = Municipality("0998");
        await Assert.ThrowsAsync<ArgumentException>(() => grain.RegisterAsync(new MunicipalityInfo("2184", "Hudiksvall", "21", "Gävleborgs län")));
        Assert.Null(await grain.GetAsync());

        var region = Region("98");
        await Assert.ThrowsAsync<ArgumentException>(() => region.RegisterAsync(new RegionInfo("21", "Gävleborgs län", [])));
        Assert.Null(await region.GetAsync());
    }

    [Fact]
    public async Task An_unregistered_code_has_no_data()
    {
        Assert.Null(await Municipality("9999").GetAsync());
        Assert.Null(await Region("99").GetAsync());
    }

    private IRegionGrain Region(string code) => fixture.Grains.GetGrain<IRegionGrain>(GrainKeys.Region(code));

    private IMunicipalityGrain Municipality(string code) => fixture.Grains.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(code));
}
