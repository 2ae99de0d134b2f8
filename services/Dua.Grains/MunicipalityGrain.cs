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
        await state.WriteStateAsync();
        return true;
    }
}
