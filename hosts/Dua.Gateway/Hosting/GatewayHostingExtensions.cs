using System.Diagnostics.CodeAnalysis;
using Dua.ServiceDefaults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Hosting;

/// <summary>The gateway's options and its listening endpoint.</summary>
public static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGatewayOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("Dua"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// One HTTP/2-only cleartext endpoint: a cleartext endpoint that also allows HTTP/1.1 would speak only HTTP/1.1,
    /// and gRPC clients use h2c with prior knowledge. Its port is checked before the gateway starts.
    /// </summary>
    public static WebApplicationBuilder AddGatewayGrpcEndpoint(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
            {
                // Kestrel's options are read while the app is built, before start-up validation runs. With invalid
                // options leave the endpoint out: start-up validation then reports the failures instead of a stack trace.
                if (TryGetValid(gateway, out var options))
                {
                    kestrel.Listen(options.GetListenIPAddress(), options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
                }
            });
        builder.Services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<GatewayOptions>>((sockets, gateway) =>
                sockets.UnsafePreferInlineScheduling = TryGetValid(gateway, out var options) && options.InlineScheduling);
        builder.RequirePorts(services =>
        {
            var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return [new RequiredPort($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.GrpcPort)}", options.GetListenIPAddress(), options.GrpcPort)];
        });
        return builder;
    }

    private static bool TryGetValid(IOptions<GatewayOptions> gateway, [NotNullWhen(true)] out GatewayOptions? options)
    {
        try
        {
            options = gateway.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            options = null;
            return false;
        }
    }
}
