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
        builder.AddValidatedOptions<GatewayOptions>(GatewayOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("Dua"));
        return builder;
    }

    /// <summary>
    /// One HTTP/2-only endpoint: a cleartext endpoint that also allows HTTP/1.1 would speak only HTTP/1.1, and gRPC
    /// clients use h2c with prior knowledge on loopback; with <c>Gateway:Tls</c> it serves TLS, HTTP/2 chosen by ALPN.
    /// Its port is checked before the gateway starts.
    /// </summary>
    public static WebApplicationBuilder AddGatewayGrpcEndpoint(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
            {
                // With invalid options there is no endpoint: start-up validation reports them before Kestrel starts.
                if (gateway.TryGetValid(out var options))
                {
                    kestrel.Listen(options.GetListenIPAddress(), options.GrpcPort, listen =>
                    {
                        listen.Protocols = HttpProtocols.Http2;
                        if (options.Tls.Enabled)
                        {
                            listen.UseHttps(options.Tls.LoadCertificate());
                        }
                    });
                }
            });
        builder.Services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<GatewayOptions>>((sockets, gateway) =>
                sockets.UnsafePreferInlineScheduling = gateway.TryGetValid(out var options) && options.InlineScheduling);
        builder.RequirePorts(services =>
        {
            var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return [new RequiredPort($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.GrpcPort)}", options.GetListenIPAddress(), options.GrpcPort)];
        });
        return builder;
    }
}
