using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>The request size limit (Kestrel's) and the deadline on calls to silos.</summary>
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

    public static WebApplication UseGatewaySiloDeadline(this WebApplication app)
    {
        app.UseMiddleware<SiloDeadlineMiddleware>();
        return app;
    }
}
