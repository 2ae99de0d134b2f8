using Microsoft.Extensions.DependencyInjection;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Placement;

public static class RegionAffinityPlacementExtensions
{
    /// <summary>
    /// Makes <see cref="RegionAffinityPlacement"/> the placement of every grain class that names none of its own,
    /// in place of Orleans' default (<see cref="ResourceOptimizedPlacement"/>).
    /// </summary>
    public static ISiloBuilder UseRegionAffinityPlacement(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddPlacementDirector<RegionAffinityPlacement, RegionAffinityPlacementDirector>();

        // Orleans reads the default strategy as the last PlacementStrategy registered without a key.
        silo.Services.AddSingleton<PlacementStrategy, RegionAffinityPlacement>();
        return silo;
    }
}
