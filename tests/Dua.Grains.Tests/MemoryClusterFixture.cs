using Orleans.TestingHost;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>A single in-process silo with memory storage, shared by the fast grain tests.</summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<MemoryStorageConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class MemoryStorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddMemoryGrainStorage(StorageNames.Platform);
    }
}
