namespace Dua.Gateway.Telemetry;

public static class GatewayTelemetryExtensions
{
    /// <summary>The gateway's own instruments (<see cref="GatewayMetrics"/>); the service defaults export them.</summary>
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GatewayMetrics>();
        return builder;
    }

    /// <summary>First of all steps, so that every call is counted with the status it finally got.</summary>
    public static WebApplication UseGatewayCallStatus(this WebApplication app)
    {
        app.UseMiddleware<CallStatusMiddleware>();
        return app;
    }
}
