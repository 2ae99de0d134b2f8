using System.Net;
using Microsoft.AspNetCore.Http;

namespace Dua.ServiceDefaults.Observability;

/// <summary>
/// Who may read <c>/metrics</c>: callers on this machine, and those on the networks an operator names in
/// <see cref="ObservabilityOptions.MetricsAllowedNetworks"/> (the scraper's). Others get 404, as for any unknown path:
/// the figures describe the platform's load and are nobody else's business.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public bool Allows(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote
        && (IPAddress.IsLoopback(remote) || allowed.Any(network => network.Contains(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)));
}
