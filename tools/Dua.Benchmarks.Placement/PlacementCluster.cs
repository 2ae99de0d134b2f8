using System.Diagnostics.Metrics;
using Dua.Grains;
using Dua.Grains.Placement;
using Dua.ReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Dua.Grains.Abstractions;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// Three silos in this process, talking over loopback TCP, with storage shared in process (no Orleans messages,
/// like a database) and the placement under test.
/// Work enters through the silos' own grain factories, as the gRPC services of a real silo call their grains,
/// so the first hop from the entry silo to the grain's silo counts as it does in production.
/// </summary>
public sealed class PlacementCluster : IAsyncDisposable
{
    public const int SiloCount = 3;
    private const string PlacementKey = "DuaBenchmarkPlacement";

    private readonly TestCluster _cluster;

    private PlacementCluster(TestCluster cluster, PlacementChoice placement)
    {
        _cluster = cluster;
        Placement = placement;
        var silos = cluster.GetActiveSilos().Cast<InProcessSiloHandle>().ToArray();
        Silos = [.. silos.Select(s => s.SiloAddress)];
        EntryPoints = [.. silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>())];
        MeterFactories = [.. silos.Select(s => s.ServiceProvider.GetRequiredService<IMeterFactory>())];
    }

    public PlacementChoice Placement { get; }

    public IReadOnlyList<SiloAddress> Silos { get; }

    /// <summary>One grain factory per silo: a call made through one enters the cluster at that silo.</summary>
    public IReadOnlyList<IGrainFactory> EntryPoints { get; }

    public IReadOnlyList<IMeterFactory> MeterFactories { get; }

    /// <summary>The silo that owns a county on the region ring, whichever placement runs.</summary>
    public IGrainFactory EntryOwning(string regionCode)
    {
        var owner = new RegionRing(Silos).OwnerOf(regionCode);
        return EntryPoints[Silos.ToList().IndexOf(owner)];
    }

    public static async Task<PlacementCluster> StartAsync(PlacementChoice placement)
    {
        var builder = new TestClusterBuilder(SiloCount);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[PlacementKey] = placement.ToString();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new PlacementCluster(cluster, placement);
    }

    /// <summary>Loads the counties and municipalities from every silo at once, as every real silo does at start-up.</summary>
    public Task SeedGeographyAsync() =>
        Task.WhenAll(EntryPoints.Select(grains => new GeographySeeder(grains).SeedAsync(Geography.Sweden)));

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage, SharedProcessStorage>(StorageNames.Platform);
            siloBuilder.AddOutgoingGrainCallFilter<CallOriginFilter>();
            siloBuilder.AddIncomingGrainCallFilter<CallOriginFilter>();

            // Exactly what the silo host does for Silo:Placement (OrleansSiloExtensions): Default adds nothing.
            if (Enum.Parse<PlacementChoice>(siloBuilder.Configuration[PlacementKey]!) == PlacementChoice.Region)
            {
                siloBuilder.UseRegionAffinityPlacement();
            }
        }
    }
}
