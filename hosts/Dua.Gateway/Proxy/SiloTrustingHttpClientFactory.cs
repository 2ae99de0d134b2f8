using Dua.Gateway.Hosting;
using Dua.ServiceDefaults;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Dua.Gateway.Proxy;

/// <summary>
/// The HTTP client YARP forwards to the silos with: over https it accepts a silo's certificate only when it chains to
/// <c>Gateway:Tls:CaPath</c> and names the address the silo was reached at, so a silo with another CA's certificate
/// gets no call (and no credential).
/// </summary>
public sealed class SiloTrustingHttpClientFactory(IOptions<GatewayOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        // YARP builds its clients while the app is mapped, before start-up validation: invalid options are left to it.
        if (options.TryGetValid(out var gateway) && gateway.Tls.HasCa)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = gateway.Tls.LoadCa().ValidateServer();
        }
    }
}
