using Dua.ServiceDefaults.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dua.ServiceDefaults;

/// <summary>What every Dua host registers and serves alike; each host's Program calls both.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The plain HTTP health probe every host answers: 200 "Healthy", or 503 while a registered check fails.</summary>
    public const string HealthPath = "/healthz";

    /// <summary>Liveness: 200 while the process serves requests at all; a failure means "restart me".</summary>
    public const string LivenessPath = "/health/live";

    /// <summary>Readiness: as <see cref="HealthPath"/>, 200 only while every check the host added holds ("send me traffic").</summary>
    public const string ReadinessPath = "/health/ready";

    /// <summary>OpenTelemetry metrics in Prometheus' text format, for callers <see cref="MetricsAccess"/> allows.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Health checks (hosts add their own, such as the silo's readiness), observability (OpenTelemetry metrics,
    /// traces and logs), a clock, and Kestrel without a Server header.
    /// Run the host with <see cref="HostProcess.RunAsync"/>, which turns start-up failures into a message and an exit code.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddObservability();
        builder.Services.AddHealthChecks();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One header less on every answer; callers learn nothing from it.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// Maps the health probes and <see cref="MetricsPath"/>, answered on every endpoint the host listens on
    /// (the metrics only to the callers <see cref="MetricsAccess"/> allows).
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(HealthPath);
        return endpoints.MapProbesAndMetrics();
    }

    /// <summary>
    /// <see cref="LivenessPath"/>, <see cref="ReadinessPath"/> and <see cref="MetricsPath"/>: for a host that serves its
    /// own <see cref="HealthPath"/> (the web app) and otherwise through <see cref="MapDefaultEndpoints"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapProbesAndMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(ReadinessPath);
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        var access = endpoints.ServiceProvider.GetRequiredService<MetricsAccess>();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch =>
            branch.Use(next => context =>
            {
                if (access.Allows(context))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }), optionsName: null);
        return endpoints;
    }
}
