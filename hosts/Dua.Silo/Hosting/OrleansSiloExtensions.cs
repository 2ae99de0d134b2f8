using Dua.Grains;
using Dua.Grains.Placement;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Dua.Grains.Abstractions;
using Dua.Silo.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Dua.Silo.Telemetry;

namespace Dua.Silo.Hosting;

public static class OrleansSiloExtensions
{
    private const string NpgsqlInvariant = "Npgsql";

    /// <summary>Hosts an Orleans silo in this process, with clustering and storage chosen by configuration.</summary>
    public static void AddOrleansSilo(this IHostApplicationBuilder builder, SiloHostOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = options.SiloName);

            // Calls to grains of a silo that died wait until the cluster declares it dead. Orleans' default
            // (3 missed probes of 5 s) makes that ~15-20 s; 3 x 3 s keeps recovery well inside 30 s while
            // leaving room for GC pauses on a busy 2-core machine. Overridable under Orleans:Membership.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(3);
                o.NumMissedProbesLimit = 3;
            });
            silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Orleans:Membership");

            // A grain call continues the trace of the gRPC call that made it (Orleans' activity sources, exported by
            // the service defaults); the feed filter measures the statistics feed (Telemetry).
            silo.AddActivityPropagation();
            silo.AddOutgoingGrainCallFilter<StatisticsFeedFilter>();

            switch (options.Clustering)
            {
                case ClusteringMode.PostgreSql:
                    silo.ConfigureSiloAddresses(options);
                    silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = OrleansConnectionString.Tune(options.ConnectionString);
                    });
                    break;
                case ClusteringMode.Localhost:
                    silo.UseLocalhostClustering(options.SiloPort, options.OrleansClientPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                    break;
            }

            silo.UseOrleansTlsIfConfigured(options);

            switch (options.Storage)
            {
                case StorageMode.PostgreSql:
                    // The platform's own storage with group commit; Orleans' ADO.NET provider stays only to read
                    // state that earlier releases wrote, until each grain's next write moves it.
                    silo.Services.TryAddSingleton(_ => PlatformDataSource.Create(options.ConnectionString!));
                    silo.Services.AddSingleton<StateCommitter>();
                    silo.Services.AddGrainStorage(StorageNames.Platform, (services, _) =>
                        ActivatorUtilities.CreateInstance<PostgresGrainStorage>(services,
                            (IGrainStorageSerializer)new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
                    silo.AddAdoNetGrainStorage(PostgresGrainStorage.LegacyName, o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = OrleansConnectionString.Tune(options.ConnectionString);
                    });
                    silo.UseAdoNetReminderService(o =>
                    {
                        o.Invariant = NpgsqlInvariant;
                        o.ConnectionString = OrleansConnectionString.Tune(options.ConnectionString);
                    });
                    break;
                case StorageMode.Memory:
                    silo.AddMemoryGrainStorage(StorageNames.Platform);
                    silo.UseInMemoryReminderService();
                    break;
            }

            // A database failure leaves each grain call as an exception every silo can deserialize.
            silo.AddIncomingGrainCallFilter<StorageFailureFilter>();

            // Default needs nothing: Orleans' default strategy (ResourceOptimizedPlacement in 10.x) stays in place.
            if (options.Placement == PlacementMode.Region)
            {
                silo.UseRegionAffinityPlacement();
            }

            // Store state with the Orleans serializer: it keys types by their [Alias] and fields by [Id], so state
            // survives renames of CLR types, unlike the default JSON serializer, which writes CLR type names.
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(PostgresGrainStorage.LegacyName)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        });
    }
}
