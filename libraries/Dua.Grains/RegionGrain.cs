using System.Collections.Immutable;
using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains;

/// <summary>One county (län): its reference data now, its aggregates later.</summary>
public sealed class RegionGrain(
    [PersistentState("region", StorageNames.Platform)] IPersistentState<RegionState> state)
    : Grain, IRegionGrain
{
    public Task<RegionInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<bool> RegisterAsync(RegionInfo region)
    {
        ArgumentNullException.ThrowIfNull(region);
        KeyGuard.EnsureMatches(this.GetPrimaryKeyString(), GrainKeys.Region(region.Code));

        if (region.SameAs(state.State.Info))
        {
            return false;
        }

        state.State.Info = region;
        await state.WriteOrReloadAsync(this);
        return true;
    }

    public async Task RecordAgreementAsync(AgreementIndexEntry entry)
    {
        if (state.State.Agreements.TryGetValue(entry.AgreementId, out var known) && known == entry)
        {
            return;
        }

        state.State.Agreements[entry.AgreementId] = entry;
        await state.WriteOrReloadAsync(this);
    }

    public Task<ImmutableArray<AgreementIndexEntry>> ListAgreementsAsync() =>
        Task.FromResult(state.State.Agreements.Values.OrderBy(e => e.AgreementId, StringComparer.Ordinal).ToImmutableArray());
}
