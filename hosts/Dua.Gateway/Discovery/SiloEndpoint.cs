using System.Globalization;

namespace Dua.Gateway.Discovery;

/// <summary>
/// One live silo incarnation: its Orleans identity (address, port, generation) and the gRPC endpoint it serves on.
/// </summary>
public sealed record SiloEndpoint(string Address, int Port, int Generation, Uri GrpcEndpoint)
{
    /// <summary>
    /// The YARP destination id. It names the incarnation, not the URL, so it stays the same across refreshes
    /// (YARP keeps a destination's health state by id) and a restarted silo starts with fresh health state.
    /// </summary>
    public string DestinationId => string.Create(CultureInfo.InvariantCulture, $"silo-{Address}:{Port}:{Generation}");

    /// <summary>A configured endpoint has no Orleans identity; its URL's host and port stand in for it.</summary>
    public static SiloEndpoint FromStaticEndpoint(Uri grpcEndpoint) =>
        new(grpcEndpoint.Host, grpcEndpoint.Port, Generation: 0, grpcEndpoint);
}
