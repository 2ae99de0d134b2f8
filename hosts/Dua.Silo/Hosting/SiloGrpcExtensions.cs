using Dua.Silo.Api;
using Dua.Silo.Audit;
using Dua.Silo.Security;
using Dua.Silo.Telemetry;

namespace Dua.Silo.Hosting;

public static class SiloGrpcExtensions
{
    /// <summary>
    /// gRPC with the silo's interceptors, outermost first: the gateway's credential and the caller's role, grain errors
    /// as gRPC statuses, the audit record of each acknowledged write. Also grpc.health.v1 and server reflection.
    /// </summary>
    public static IHostApplicationBuilder AddSiloGrpc(this IHostApplicationBuilder builder)
    {
        // Registered, the interceptors are made once; otherwise gRPC constructs each of them for every call. They keep
        // no per-call state.
        builder.Services.AddSingleton<CallOutcomeInterceptor>();
        builder.Services.AddSingleton<GatewayCallInterceptor>();
        builder.Services.AddSingleton<GrainErrorInterceptor>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddGrpc(grpc =>
        {
            // Outermost: it counts every call's final status, refusals by the others included.
            grpc.Interceptors.Add<CallOutcomeInterceptor>();
            // First: nothing runs for a call that did not come through the gateway.
            grpc.Interceptors.Add<GatewayCallInterceptor>();
            grpc.Interceptors.Add<GrainErrorInterceptor>();
            // Last, next to the handler: it sees the write succeed, and records it with the caller the first one named.
            grpc.Interceptors.Add<AuditInterceptor>();
        });
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>The dua.v1 services, grpc.health.v1 (fed by the host's health checks) and server reflection.</summary>
    public static WebApplication MapSiloGrpc(this WebApplication app)
    {
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
        return app;
    }
}
