using Dua.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dua.Gateway.Limits;

/// <summary>The request size limit and the deadline on calls to silos.</summary>
public static class GatewayLimitsExtensions
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GatewayLimitsOptions>(GatewayLimitsOptions.SectionName);
        // RequestSizeLimitMiddleware bounds every request, so Kestrel's own limit is lifted. Kept, YARP would lift it
        // for each gRPC request anyway, and fail to (with a warning per call) once the response cache has read the body.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = null);
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
