using System.Collections.Immutable;
using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains;

/// <summary>One municipality (kommun): its reference data now, its agreements and figures later.</summary>
public sealed class MunicipalityGrain(
    [PersistentState("municipality", StorageNames.Platform)] IPersistentState<MunicipalityState> state)
    : Grain, IMunicipalityGrain
{
    public Task<MunicipalityInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task<bool> RegisterAsync(MunicipalityInfo municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        KeyGuard.EnsureMatches(this.GetPrimaryKeyString(), GrainKeys.Municipality(municipality.Code));

        if (municipality == state.State.Info)
        {
            return false;
        }

        state.State.Info = municipality;
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
