using System.Diagnostics;

namespace Dua.Testing;

/// <summary>Polls a condition until a deadline; the deadline is the assertion, never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="condition"/> returns true; returns how long that took.</summary>
    public static async Task<TimeSpan> HappensWithinAsync(TimeSpan deadline, string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(PollDelay);
        }

        throw new TimeoutException($"Expected within {deadline.TotalSeconds:0.#} s: {what}.");
    }

    /// <summary>Waits until <paramref name="check"/> stops throwing; after the deadline its last failure explains why.</summary>
    public static async Task SucceedsWithinAsync(TimeSpan deadline, string what, Func<Task> check)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (clock.Elapsed < deadline)
            {
                await Task.Delay(PollDelay * 8);
            }
            catch (Exception e)
            {
                throw new TimeoutException($"Expected within {deadline.TotalSeconds:0.#} s: {what}. Last failure: {e.Message}", e);
            }
        }
    }
}
