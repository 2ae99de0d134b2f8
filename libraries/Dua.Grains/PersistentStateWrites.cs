using Dua.Grains.Abstractions;
namespace Dua.Grains;

/// <summary>The one way grains write their state: a change that was not stored must not stay in memory either.</summary>
public static class PersistentStateWrites
{
    /// <summary>
    /// Writes the state. If the write fails, the in-memory state holds a change that was never stored (and so
    /// never acknowledged): reload what is stored, so the next call works on the truth, and if even that fails,
    /// let the activation go so the next call starts from storage. The failure still reaches the caller.
    /// </summary>
    public static Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain) =>
        state.WriteOrReloadAsync(grain, state.ReadStateAsync);

    /// <summary>
    /// The same for a grain whose memory is made of several stored parts: <paramref name="reload"/> reads them all
    /// and puts the grain's memory back together.
    /// </summary>
    public static async Task WriteOrReloadAsync<T>(this IPersistentState<T> state, IGrainBase grain, Func<Task> reload)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            try
            {
                await reload();
            }
            catch
            {
                grain.DeactivateOnIdle();
            }

            throw;
        }
    }
}
