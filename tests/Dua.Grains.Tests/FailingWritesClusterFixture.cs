using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>One in-process silo whose platform storage can be made to fail its next write.</summary>
public sealed class FailingWritesClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<FailingStorageConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silo's storage (the test cluster runs its silo in this process).</summary>
    public FailingWritesStorage Storage =>
        (FailingWritesStorage)((InProcessSiloHandle)Cluster.Primary!).SiloHost!.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.Platform);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class FailingStorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddGrainStorage(StorageNames.Platform, (services, _) => new FailingWritesStorage(services.GetRequiredService<DeepCopier>()));
    }
}
