using Microsoft.Extensions.Primitives;

namespace Dua.Gateway.Discovery;

/// <summary>
/// A silo set held in memory and replaced as a whole. Serves the static mode directly, and backs the PostgreSQL
/// directory, which replaces it after every poll.
/// </summary>
public sealed class InMemorySiloDirectory : ISiloDirectory
{
    private readonly Lock _gate = new();
    private IReadOnlyList<SiloEndpoint> _silos;
    private CancellationTokenSource _changed = new();

    public InMemorySiloDirectory(IEnumerable<SiloEndpoint> silos) => _silos = Normalize(silos);

    public SiloDirectorySnapshot GetSnapshot()
    {
        lock (_gate)
        {
            return new SiloDirectorySnapshot(_silos, new CancellationChangeToken(_changed.Token));
        }
    }

    /// <summary>Replaces the set; fires the current change token only if the set really differs.</summary>
    /// <returns>Whether the set changed.</returns>
    public bool Replace(IEnumerable<SiloEndpoint> silos)
    {
        var next = Normalize(silos);
        CancellationTokenSource changed;
        lock (_gate)
        {
            if (next.Length == _silos.Count && next.ToHashSet().SetEquals(_silos))
            {
                // An unchanged poll must not reload the proxy configuration every interval.
                return false;
            }

            _silos = next;
            changed = _changed;
            _changed = new CancellationTokenSource();
        }

        // Fired outside the lock: YARP re-resolves from inside the callback and takes a new snapshot.
        // The old source is not disposed, so late subscribers to its token still see it as changed.
        changed.Cancel();
        return true;
    }

    // One entry per incarnation, in a stable order, so equal sets compare equal and logs read the same.
    private static SiloEndpoint[] Normalize(IEnumerable<SiloEndpoint> silos) =>
        silos.DistinctBy(silo => silo.DestinationId)
            .OrderBy(silo => silo.DestinationId, StringComparer.Ordinal)
            .ToArray();
}
