using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dua.ServiceDefaults.Observability;

/// <summary>OpenTelemetry for every host: the same meters, sources and exporters whatever the host runs.</summary>
public static class ObservabilityExtensions
{
    /// <summary>The standard OpenTelemetry setting: where OTLP goes. Unset, no telemetry leaves the process.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Metrics (read at <see cref="ServiceDefaultsExtensions.MetricsPath"/>), traces and logs. Traces and logs go over
    /// OTLP when <see cref="OtlpEndpointSetting"/> is set; console logs carry the trace and span ids in either format
    /// (<c>Logging:Console:FormatterName</c> <c>simple</c> or <c>json</c>).
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ObservabilityOptions>(ObservabilityOptions.SectionName);
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new();
        builder.Services.AddSingleton(services =>
            new MetricsAccess(services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.AllowedNetworks()));

        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // The trace ids travel in the log scope: JSON lines show them only with scopes on.
        builder.Services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(PlatformTelemetry.FrameworkMeters)
                .AddMeter(PlatformTelemetry.OrleansMeter)
                .AddMeter(PlatformTelemetry.MeterName)
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        // Traces only when they have somewhere to go: a listener makes every grain call, SQL statement and request
        // record a span with its tags, a large share of the silo's CPU under load (docs/benchmarks.md). Logs still
        // carry the request's trace and span ids without it.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.TraceSampleRatio, 0, 1))))
                // Probes and scrapes every few seconds would drown the calls an operator looks for.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHousekeeping(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(PlatformTelemetry.OrleansActivitySources)
                .AddSource(PlatformTelemetry.MeterName)
                .AddNpgsql());
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeFormattedMessage = true;
                logs.IncludeScopes = true;
            });
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHousekeeping(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.MetricsPath)
        || path.StartsWithSegments("/health")
        || path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || path.StartsWithSegments("/grpc.health.v1.Health");
}
