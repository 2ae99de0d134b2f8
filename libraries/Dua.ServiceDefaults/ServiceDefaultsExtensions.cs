using Microsoft.AspNetCore.Builder;
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

    /// <summary>
    /// Health checks (hosts add their own, such as the silo's readiness), a clock, and Kestrel without a Server header.
    /// Run the host with <see cref="HostProcess.RunAsync"/>, which turns start-up failures into a message and an exit code.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // Observability goes here, once for every host: OpenTelemetry traces, metrics and logs (issue 12).
        builder.Services.AddHealthChecks();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One header less on every answer; callers learn nothing from it.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>Maps <see cref="HealthPath"/>, answered on every endpoint the host listens on.</summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(HealthPath);
        return endpoints;
    }
}
