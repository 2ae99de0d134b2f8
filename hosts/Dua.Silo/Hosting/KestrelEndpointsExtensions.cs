using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Dua.Silo.Hosting;

public static class KestrelEndpointsExtensions
{
    /// <summary>
    /// gRPC needs an HTTP/2-only endpoint: over cleartext, a mixed HTTP/1+2 endpoint speaks only HTTP/1.1.
    /// Browsers, JSON and probes get their own HTTP/1 endpoint. With <c>Silo:Tls</c> both serve TLS only (gRPC
    /// negotiating h2 by ALPN); without it they are cleartext, which the options allow only on loopback.
    /// </summary>
    public static void ConfigureSiloEndpoints(this WebApplicationBuilder builder, SiloHostOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.ListenIPAddress(), options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                UseTlsIfConfigured(listen, options);
            });
            kestrel.Listen(options.ListenIPAddress(), options.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                UseTlsIfConfigured(listen, options);
            });
        });
    }

    // The gateway is a client without a certificate: the silo's credential header, not TLS, authenticates it.
    private static void UseTlsIfConfigured(ListenOptions listen, SiloHostOptions options)
    {
        if (options.Tls.Enabled)
        {
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = options.Tls.LoadCertificate(),
                ClientCertificateMode = ClientCertificateMode.NoCertificate,
            });
        }
    }
}
