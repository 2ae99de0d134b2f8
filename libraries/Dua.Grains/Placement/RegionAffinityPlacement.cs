using Dua.Grains.Abstractions;
namespace Dua.Grains.Placement;

/// <summary>
/// Places every grain of one county (its region, municipalities, agreements, participants and the rest keyed
/// with the county's code) on one silo, chosen by consistent hashing of the county code over the live silos,
/// so calls within a county, such as an agreement updating its municipality and region, stay inside one silo.
/// Grains whose key names no county are placed on the silo where they are first called.
/// </summary>
/// <remarks>
/// The silo makes this the default strategy (<see cref="RegionAffinityPlacementExtensions"/>), so grain classes
/// need no attribute; a class that names its own placement, such as a stateless worker, keeps it.
/// </remarks>
[GenerateSerializer, Immutable, Alias("dua.RegionAffinityPlacement")]
public sealed class RegionAffinityPlacement : PlacementStrategy;
