using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Placement;

/// <summary>
/// Places a grain with a county-bound key (<see cref="RegionAffinity"/>) on the silo that owns its county on a
/// <see cref="RegionRing"/> of the compatible silos. Any other grain (a person, a create request) is placed on
/// the silo where it is first called (<see cref="PreferLocalPlacement"/>): that is the silo the request creating
/// it entered, which is where its work happens when requests are routed by county, and the gateway's round-robin
/// spreads such grains over the silos. Orleans' resource-optimized default would mostly do the same, but it
/// steers away from the busier silo, and under region placement the silo of the request's county is often busier.
/// </summary>
/// <remarks>
/// Placement only decides where a new activation goes. When silos join or leave, activations already running
/// stay where they are (unless their silo died) until they are deactivated, for example when idle; their next
/// activation follows the new ring. Silos that briefly see different memberships may pick different owners;
/// the grain directory still keeps a single activation per grain.
/// </remarks>
public sealed class RegionAffinityPlacementDirector(IServiceProvider services) : IPlacementDirector
{
    private static readonly PreferLocalPlacement FallbackStrategy = new();

    private readonly Lazy<IPlacementDirector> _fallback = new(() => services.GetRequiredKeyedService<IPlacementDirector>(typeof(PreferLocalPlacement)));

    // Membership changes rarely, placements are frequent: keep the ring of the silos seen last.
    private volatile RegionRing? _ring;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!RegionAffinity.TryGetRegionCode(target.GrainIdentity.Key.ToString(), out var regionCode))
        {
            return _fallback.Value.OnAddActivation(FallbackStrategy, target, context);
        }

        var silos = context.GetCompatibleSilos(target);

        // An explicit hint (migration, a caller's request) wins, as it does for Orleans' own directors.
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hint)
        {
            return Task.FromResult(hint);
        }

        return Task.FromResult(RingFor(silos).OwnerOf(regionCode));
    }

    private RegionRing RingFor(SiloAddress[] silos)
    {
        var ring = _ring;
        if (ring is null || !ring.IsFor(silos))
        {
            _ring = ring = new RegionRing(silos);
        }

        return ring;
    }
}
