using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>The request size limit and the deadline on calls to silos.</summary>
public static class GatewayLimitsExtensions
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayLimitsOptions>()
            .BindConfiguration(GatewayLimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayLimitsOptions>>((kestrel, limits) =>
            {
                // Covers what is not gRPC; YARP lifts this limit for gRPC requests, which RequestSizeLimitMiddleware bounds.
                // Kestrel's options are read before start-up validation runs; invalid limits are reported by it instead.
                try
                {
                    kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes;
                }
                catch (OptionsValidationException)
                {
                }
            });
        return builder;
    }

    /// <summary>
    /// After the response cache: a stored answer needs neither, and the cache reads a request body (bounded by its own
    /// smaller limit) straight from Kestrel, leaving it for the size-limited stream the forwarder then reads.
    /// </summary>
    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseMiddleware<SiloDeadlineMiddleware>();
        return app;
    }
}
