using System.Diagnostics;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// A server process on this machine (a silo, the gateway) whose CPU time a phase records, so that a report can say
/// what one call cost the server and not only how long the client waited. Read from the operating system, so it
/// counts everything the process did in the window, the platform's own background work included.
/// </summary>
public sealed record WatchedProcess(string Name, int Pid)
{
    /// <summary>The process's CPU time so far; zero once it has exited (its figure is then not meaningful).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            using var process = Process.GetProcessById(Pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }
}
