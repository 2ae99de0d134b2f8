using Microsoft.Extensions.DependencyInjection;

namespace Dua.Grains.Placement;

public static class RegionAffinityPlacementExtensions
{
    /// <summary>
    /// Makes <see cref="RegionAffinityPlacement"/> the placement of every grain class that names none of its own,
    /// replacing Orleans' default (<see cref="ResourceOptimizedPlacement"/>), which then places the grains that
    /// belong to no county.
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
