using Dua.Grains.Placement;
using Dua.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dua.Silo.Tests;

public sealed class PlacementModeTests
{
    [Theory]
    [InlineData(null, typeof(RegionAffinityPlacement))]
    [InlineData("Region", typeof(RegionAffinityPlacement))]
    [InlineData("Default", typeof(ResourceOptimizedPlacement))]
    public void Silo_Placement_chooses_the_default_placement_strategy(string? setting, Type expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Silo:Clustering"] = "Localhost",
            ["Silo:Storage"] = "Memory",
            ["Silo:Placement"] = setting,
        });
        var options = builder.AddSiloHostOptions();

        builder.AddOrleansSilo(options);
        using var host = builder.Build();

        Assert.IsType(expected, host.Services.GetRequiredService<PlacementStrategy>());
    }
}
