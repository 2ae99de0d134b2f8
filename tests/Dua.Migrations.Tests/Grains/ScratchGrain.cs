namespace Dua.Migrations.Tests.Grains;

public sealed class ScratchGrain(
    [PersistentState("scratch", TestSilo.DeletingStorage)] IPersistentState<CounterState> state) : Grain, IScratchGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task ClearAsync() => state.ClearStateAsync();
}
