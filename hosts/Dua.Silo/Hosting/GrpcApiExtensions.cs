using Dua.Grains;
using Dua.Silo.Api;
using Dua.Silo.Audit;
using Dua.Silo.Security;
using Dua.Silo.Statistics;
using Npgsql;

namespace Dua.Silo.Hosting;

public static class GrpcApiExtensions
{
    /// <summary>The dua.v1 services, health, reflection and the start-up work that gates readiness.</summary>
    public static void AddGrpcApi(this IHostApplicationBuilder builder, SiloHostOptions options)
    {
        builder.AddSiloSecurity();
        builder.Services.AddGrpc(grpc =>
        {
            // First: nothing runs for a call that did not come through the gateway.
            grpc.Interceptors.Add<GatewayCallInterceptor>();
            grpc.Interceptors.Add<GrainErrorInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RegionStatisticsCache>();
        builder.Services.AddSingleton<NationalSummaries>();
        builder.Services.AddSingleton(TimeProvider.System);

        var readiness = new SiloReadiness();
        builder.Services.AddSingleton(readiness);
        builder.Services.AddGrpcHealthChecks().AddCheck("ready", readiness);

        builder.Services.AddSingleton(options);
        builder.Services.AddOptions<PseudonymOptions>()
            .BindConfiguration(PseudonymOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new Dua.Domain.Pseudonymizer(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PseudonymOptions>>().Value.KeyBytes()));
        builder.Services.AddSingleton<GeographySeeder>();
        builder.Services.AddHostedService<SiloStartup>();
        builder.Services.AddHostedService<SiloDrain>();
        // Room for the drain and Orleans' own graceful leave (deactivating grains, updating membership).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.DrainDelay + TimeSpan.FromSeconds(30));

        if (options.Clustering == ClusteringMode.PostgreSql)
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString!));
            builder.Services.AddSingleton<SiloEndpointRegistry>();
        }

        builder.AddAuditTrail(options);
    }

    /// <summary>Response header naming the silo that served a call, so operators and tests can see the spread.</summary>
    public const string ServedByHeader = "dua-served-by";

    public static void MapGrpcApi(this WebApplication app)
    {
        var siloName = app.Services.GetRequiredService<SiloHostOptions>().SiloName;
        app.Use((context, next) =>
        {
            context.Response.Headers[ServedByHeader] = siloName;
            return next(context);
        });
        app.UseMiddleware<RequestMessageGuard>();

        app.MapGrpcService<RegionApi>();
        app.MapGrpcService<MunicipalityApi>();
        app.MapGrpcService<AgreementApi>();
        app.MapGrpcService<ParticipantApi>();
        app.MapGrpcService<LabourMarketApi>();
        app.MapGrpcService<DialogueApi>();
        app.MapGrpcService<StatisticsApi>();
        app.MapGrpcService<OperationsApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        // The gateway's active health probe: plain GET, answered on both endpoints (h2c and HTTP/1).
        app.MapHealthChecks("/healthz");
    }
}
