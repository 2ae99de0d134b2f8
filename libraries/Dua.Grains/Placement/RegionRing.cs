using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Placement;

/// <summary>
/// A consistent-hash ring of silos that names the silo owning each county. Every silo builds the same ring from
/// the same set of silos, so they all agree on an owner without talking; when a silo joins or leaves, only the
/// counties on the arcs it gains or loses (about 1/n of them) change owner.
/// </summary>
/// <remarks>
/// Points are 64-bit xxHash values, stable across processes and runs, unlike <see cref="string.GetHashCode()"/>.
/// A silo's points hash its endpoint, not its generation, so a silo restarted at the same address gets its
/// counties back. Each silo has many points (virtual nodes) so that its share of the ring is close to 1/n.
/// </remarks>
public sealed class RegionRing
{
    public const int DefaultVirtualNodesPerSilo = 128;

    private readonly ulong[] _points;
    private readonly SiloAddress[] _owners;
    private readonly FrozenSet<SiloAddress> _silos;

    public RegionRing(IEnumerable<SiloAddress> silos, int virtualNodesPerSilo = DefaultVirtualNodesPerSilo)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodesPerSilo, 1);
        _silos = silos.ToFrozenSet();
        if (_silos.Count == 0)
        {
            throw new ArgumentException("A ring needs at least one silo.", nameof(silos));
        }

        // Ties between equal points (two generations of one endpoint) are broken by the silo address itself,
        // so the order, and with it every owner, does not depend on the order the silos were listed in.
        var nodes = _silos
            .SelectMany(silo => Enumerable.Range(0, virtualNodesPerSilo).Select(i => (Point: PointOf(silo, i), Silo: silo)))
            .OrderBy(node => node.Point)
            .ThenBy(node => node.Silo)
            .ToArray();
        _points = [.. nodes.Select(node => node.Point)];
        _owners = [.. nodes.Select(node => node.Silo)];
    }

    /// <summary>The silos this ring was built from.</summary>
    public IReadOnlySet<SiloAddress> Silos => _silos;

    /// <summary>The silo owning a county: the first point at or after the county's hash, going round the ring.</summary>
    public SiloAddress OwnerOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        var hash = Hash(regionCode);
        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    /// <summary>Whether this ring was built from exactly these silos (in any order).</summary>
    public bool IsFor(IReadOnlyCollection<SiloAddress> silos) => silos.Count == _silos.Count && silos.All(_silos.Contains);

    private static ulong PointOf(SiloAddress silo, int virtualNode) => Hash($"{silo.Endpoint}#{virtualNode}");

    private static ulong Hash(string text) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text));
}
