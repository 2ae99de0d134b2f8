using Dua.Placement;

namespace Dua.Grains.Placement;

/// <summary>
/// The <see cref="CountyRing{TMember}"/> of Orleans silos, by their silo endpoints: names the silo owning each
/// county. The gateway builds the same ring from the endpoints silos publish, and so routes a county's calls to it.
/// </summary>
public sealed class RegionRing(IEnumerable<SiloAddress> silos, int virtualNodesPerSilo = RegionRing.DefaultVirtualNodesPerSilo)
{
    public const int DefaultVirtualNodesPerSilo = CountyRing<SiloAddress>.DefaultVirtualNodesPerMember;

    private readonly CountyRing<SiloAddress> _ring = new(silos, EndpointOf, Comparer<SiloAddress>.Default, virtualNodesPerSilo);

    /// <summary>The silos this ring was built from.</summary>
    public IReadOnlySet<SiloAddress> Silos => _ring.Members;

    /// <summary>A silo's endpoint as the ring hashes it ("10.0.0.5:11111").</summary>
    public static string EndpointOf(SiloAddress silo) => silo.Endpoint.ToString();

    public SiloAddress OwnerOf(string regionCode) => _ring.OwnerOf(regionCode);

    public bool IsFor(IReadOnlyCollection<SiloAddress> silos) => _ring.IsFor(silos);
}
