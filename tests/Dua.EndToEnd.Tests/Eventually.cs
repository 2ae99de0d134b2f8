namespace Dua.EndToEnd.Tests;

/// <summary>Polls a condition until it holds or a deadline passes; the last failure explains the timeout.</summary>
internal static class Eventually
{
    public static async Task Async(TimeSpan timeout, string what, Func<Task> check)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (Exception e)
            {
                throw new TimeoutException($"'{what}' did not hold within {timeout.TotalSeconds} s: {e.Message}", e);
            }
        }
    }
}
