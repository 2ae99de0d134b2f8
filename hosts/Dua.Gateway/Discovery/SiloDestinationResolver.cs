using System.Globalization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Dua.Gateway.Discovery;

/// <summary>
/// Replaces the cluster's placeholder destination with one destination per live silo. YARP calls this for every
/// cluster with destinations and again whenever the returned change token fires.
/// </summary>
public sealed class SiloDestinationResolver(ISiloDirectory directory) : IDestinationResolver
{
    /// <summary>Destination metadata key that marks a configured destination as the slot for the live silos.</summary>
    public const string PlaceholderMetadataKey = "Dua.Destinations";

    public const string PlaceholderMetadataValue = "SiloDirectory";

    /// <summary>Metadata keys of a resolved destination: the silo's Orleans identity, as it published it.</summary>
    public const string SiloAddressKey = "Dua.SiloAddress";

    public const string SiloPortKey = "Dua.SiloPort";

    public const string SiloGenerationKey = "Dua.SiloGeneration";

    public ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var placeholder = destinations.Values.FirstOrDefault(IsPlaceholder);
        if (placeholder is null)
        {
            // A cluster with hand-kept destinations is left exactly as configured.
            return ValueTask.FromResult(new ResolvedDestinationCollection(destinations, changeToken: null));
        }

        var snapshot = directory.GetSnapshot();
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, destination) in destinations.Where(pair => !IsPlaceholder(pair.Value)))
        {
            resolved[id] = destination;
        }

        foreach (var silo in snapshot.Silos)
        {
            resolved[silo.DestinationId] = MapToDestination(silo, placeholder);
        }

        return ValueTask.FromResult(new ResolvedDestinationCollection(resolved, snapshot.ChangeToken));
    }

    public static bool IsPlaceholder(DestinationConfig destination) =>
        destination.Metadata is { } metadata
        && metadata.TryGetValue(PlaceholderMetadataKey, out var value)
        && string.Equals(value, PlaceholderMetadataValue, StringComparison.OrdinalIgnoreCase);

    // Health stays null: active probes then go to the silo's gRPC endpoint, which serves /healthz over h2c.
    private static DestinationConfig MapToDestination(SiloEndpoint silo, DestinationConfig placeholder) => new()
    {
        Address = silo.GrpcEndpoint.AbsoluteUri,
        Host = placeholder.Host,
        Metadata = new Dictionary<string, string>
        {
            [SiloAddressKey] = silo.Address,
            [SiloPortKey] = silo.Port.ToString(CultureInfo.InvariantCulture),
            [SiloGenerationKey] = silo.Generation.ToString(CultureInfo.InvariantCulture),
        },
    };
}
