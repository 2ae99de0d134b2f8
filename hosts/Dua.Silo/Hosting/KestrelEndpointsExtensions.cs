using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dua.Silo.Hosting;

public static class KestrelEndpointsExtensions
{
    /// <summary>
    /// gRPC needs an HTTP/2-only endpoint: over cleartext, a mixed HTTP/1+2 endpoint speaks only HTTP/1.1.
    /// Browsers, JSON and probes get their own HTTP/1 endpoint.
    /// </summary>
    public static void ConfigureSiloEndpoints(this WebApplicationBuilder builder, SiloHostOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.ListenIPAddress(), options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(options.ListenIPAddress(), options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
    }
}
