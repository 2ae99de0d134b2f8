using System.Net;

namespace Dua.Gateway.Discovery;

/// <summary>
/// The rule for the gateway's calls to silos: they carry the silo credential and every caller's identity, so they go
/// over TLS (https) unless the silo is on this machine's loopback.
/// </summary>
public static class SiloTransport
{
    public static bool MayCarryCallers(Uri grpcEndpoint) =>
        grpcEndpoint.Scheme == Uri.UriSchemeHttps
        || grpcEndpoint.Scheme == Uri.UriSchemeHttp && (grpcEndpoint.IsLoopback
            || IPAddress.TryParse(grpcEndpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
