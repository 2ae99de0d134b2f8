namespace Dua.Silo.Telemetry;

public static class SiloTelemetryExtensions
{
    /// <summary>
    /// The silo's own instruments (<see cref="SiloMetrics"/>) and what feeds them; the service defaults export them
    /// with the frameworks' meters and traces. The gRPC interceptor and the grain call filter are added where the
    /// interceptors and Orleans are configured.
    /// </summary>
    public static IHostApplicationBuilder AddSiloTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiloMetrics>();
        builder.Services.AddSingleton<SummaryFreshness>();
        return builder;
    }
}
