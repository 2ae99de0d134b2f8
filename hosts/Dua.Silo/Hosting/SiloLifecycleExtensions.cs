using Dua.Grains;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Dua.Silo.Storage;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Hosting;

public static class SiloLifecycleExtensions
{
    /// <summary>
    /// How a silo comes to serve and stops serving: readiness as a health check (grpc.health.v1 and /healthz say
    /// "not serving" until it holds), the start-up work that gates it (reference data, then the endpoint published
    /// beside the membership row when clustering is PostgreSql), and the drain on a graceful stop.
    /// </summary>
    public static IHostApplicationBuilder AddSiloLifecycle(this IHostApplicationBuilder builder, SiloHostOptions options)
    {
        var readiness = new SiloReadiness();
        builder.Services.AddSingleton(readiness);
        builder.Services.AddHealthChecks().AddCheck("ready", readiness).AddCheck<ClusterMembershipCheck>("cluster-member");

        builder.Services.AddSingleton<GeographySeeder>();
        builder.Services.AddHostedService<SiloStartup>();
        builder.Services.AddHostedService<SiloDrain>();
        builder.Services.AddHostedService<SiloStopDeadline>();
        // The drain, then Orleans' own graceful leave (deactivating grains, updating membership), each bounded: a silo
        // whose database is gone cannot leave gracefully, and must still stop when asked.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.DrainDelay + options.LeaveTimeout);

        if (options.Clustering == ClusteringMode.PostgreSql)
        {
            // Shared with the audit trail when storage is PostgreSql too.
            builder.Services.TryAddSingleton(_ => PlatformDataSource.Create(options.ConnectionString!));
            builder.Services.AddSingleton<SiloEndpointRegistry>();
        }

        return builder;
    }
}
