namespace Dua.Migrations.Tests.Grains;

/// <summary>Keeps its state in the storage that clears by updating the row.</summary>
public sealed class CounterGrain(
    [PersistentState("counter", TestSilo.Storage)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public async Task<int> AddAsync(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task ClearAsync() => state.ClearStateAsync();
}
