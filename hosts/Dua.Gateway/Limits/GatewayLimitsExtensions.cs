using Dua.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dua.Gateway.Limits;

/// <summary>The request message size limit and the deadline on calls to silos.</summary>
public static class GatewayLimitsExtensions
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GatewayLimitsOptions>(GatewayLimitsOptions.SectionName);
        // The gateway bounds each message itself (MessageSizeLimitMiddleware here, the silos for every message of a
        // stream), so Kestrel's limit on the whole body is lifted; YARP would lift it for each gRPC request anyway.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        return builder;
    }

    /// <summary>
    /// After the response cache: a stored answer needs neither, and the cache reads a request body (bounded by its own
    /// smaller limit) without consuming it, as the size check does.
    /// </summary>
    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.UseMiddleware<MessageSizeLimitMiddleware>();
        app.UseMiddleware<SiloDeadlineMiddleware>();
        return app;
    }
}
