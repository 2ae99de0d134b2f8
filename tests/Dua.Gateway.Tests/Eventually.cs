using System.Diagnostics;

namespace Dua.Gateway.Tests;

/// <summary>Polls a condition until a deadline; the deadline is the assertion, never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(25);

    /// <returns>How long it took.</returns>
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

        Assert.Fail($"Expected within {deadline.TotalSeconds:0.#} s: {what}.");
        return clock.Elapsed;
    }
}
