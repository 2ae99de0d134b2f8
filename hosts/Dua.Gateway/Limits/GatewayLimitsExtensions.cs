using Dua.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dua.Gateway.Limits;

/// <summary>The request message size limit and the deadline on calls to silos.</summary>
public static class GatewayLimitsExtensions
{
    public static WebApplicationBuilder AddGatewayLimits(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GatewayLimitsOptions>(GatewayLimitsOptions.SectionName)
            .Validate<IConfiguration>((limits, configuration) => limits.RecountDeadline <= SilosActivityTimeout(configuration),
                $"Gateway:Limits:RecountDeadline must not be longer than {SilosActivityTimeoutKey} (100 s unless set), or the proxy cuts a recount before its deadline");
        // The gateway bounds each message itself (MessageSizeLimitMiddleware here, the silos for every message of a
        // stream), so Kestrel's limit on the whole body is lifted; YARP would lift it for each gRPC request anyway.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        return builder;
    }

    private const string SilosActivityTimeoutKey = "ReverseProxy:Clusters:silos:HttpRequest:ActivityTimeout";

    // YARP's own default when the cluster sets none.
    private static TimeSpan SilosActivityTimeout(IConfiguration configuration) =>
        TimeSpan.TryParse(configuration[SilosActivityTimeoutKey], System.Globalization.CultureInfo.InvariantCulture, out var timeout)
            ? timeout
            : TimeSpan.FromSeconds(100);

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
