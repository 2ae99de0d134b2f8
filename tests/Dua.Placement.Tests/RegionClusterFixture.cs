using Dua.Grains;
using Dua.Grains.Placement;
using Orleans.TestingHost;
using Dua.Grains.Abstractions;

namespace Dua.Placement.Tests;

/// <summary>Three in-process silos with region-affinity placement as their default and memory storage.</summary>
public sealed class RegionClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 3)
        .AddSiloBuilderConfigurator<RegionPlacementConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IReadOnlyList<SiloAddress> Silos => [.. Cluster.GetActiveSilos().Select(s => s.SiloAddress)];

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class RegionPlacementConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .AddMemoryGrainStorage(StorageNames.Platform)
            .UseRegionAffinityPlacement();
    }
}
