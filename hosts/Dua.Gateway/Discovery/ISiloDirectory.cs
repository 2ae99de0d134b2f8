namespace Dua.Gateway.Discovery;

/// <summary>Knows which silos of the cluster are alive and able to take gRPC calls.</summary>
public interface ISiloDirectory
{
    /// <summary>
    /// The current set together with its change token, read as one value so that no change can slip in
    /// between reading the set and subscribing to changes.
    /// </summary>
    SiloDirectorySnapshot GetSnapshot();
}
