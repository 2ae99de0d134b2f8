using Dua.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Dua.Silo.Storage;

namespace Dua.Silo.Audit;

public static class AuditTrailExtensions
{
    /// <summary>
    /// The audit trail where grain state is kept (Silo:Storage): PostgreSQL, or memory for tests and the demo flag;
    /// and the listing that reads it. <see cref="AuditInterceptor"/> writes it, among the silo's gRPC interceptors.
    /// </summary>
    public static void AddAuditTrail(this IHostApplicationBuilder builder, SiloHostOptions options)
    {
        if (options.Storage == StorageMode.PostgreSql)
        {
            // Shared with the endpoint registry when clustering is PostgreSql too.
            builder.Services.TryAddSingleton(_ => PlatformDataSource.Create(options.ConnectionString!));
            builder.Services.AddSingleton<IAuditTrail, PostgresAuditTrail>();
        }
        else
        {
            builder.Services.AddSingleton<IAuditTrail, MemoryAuditTrail>();
        }

        builder.Services.AddSingleton<AuditEntryListing>();
        builder.Services.AddSingleton<AuditRides>();
    }
}
