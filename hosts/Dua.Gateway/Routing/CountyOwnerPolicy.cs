using System.Globalization;
using System.Net;
using Dua.Gateway.Discovery;
using Dua.Placement;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Dua.Gateway.Routing;

/// <summary>
/// YARP load balancing ("CountyOwner"): a call about a county goes to the silo that owns the county on the same
/// <see cref="CountyRing{TMember}"/> Orleans places the county's grains with, built from the silos' Orleans endpoints
/// (the destinations' metadata), so the call's grains are local to the silo that serves it. Calls without a county,
/// and destinations without an Orleans endpoint (configured ones), are spread round-robin. The ring is built over
/// the destinations available now, so a silo that fails its health checks hands its counties on at once.
/// </summary>
public sealed class CountyOwnerPolicy : ILoadBalancingPolicy
{
    public const string PolicyName = "CountyOwner";

    private volatile CountyRing<DestinationState>? _ring;
    private int _next = -1;

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        if (availableDestinations.Count == 0)
        {
            return null;
        }

        if (context.Items[RequestCountyMiddleware.ItemKey] is string county && RingFor(availableDestinations) is { } ring)
        {
            return ring.OwnerOf(county);
        }

        var next = (uint)Interlocked.Increment(ref _next);
        return availableDestinations[(int)(next % (uint)availableDestinations.Count)];
    }

    private CountyRing<DestinationState>? RingFor(IReadOnlyList<DestinationState> destinations)
    {
        var ring = _ring;
        if (ring is not null && ring.IsFor(destinations))
        {
            return ring;
        }

        if (destinations.Any(d => EndpointOf(d) is null))
        {
            return null;
        }

        ring = new CountyRing<DestinationState>(destinations, d => EndpointOf(d)!, Comparer<DestinationState>.Create(
            (a, b) => string.CompareOrdinal(a.DestinationId, b.DestinationId)));
        _ring = ring;
        return ring;
    }

    // As Orleans writes a silo's endpoint ("10.0.0.5:11111", "[fd00::5]:11111"), from what the silo published.
    private static string? EndpointOf(DestinationState destination) =>
        destination.Model.Config.Metadata is { } metadata
        && metadata.TryGetValue(SiloDestinationResolver.SiloAddressKey, out var address) && IPAddress.TryParse(address, out var ip)
        && metadata.TryGetValue(SiloDestinationResolver.SiloPortKey, out var port) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new IPEndPoint(ip, number).ToString()
            : null;
}
