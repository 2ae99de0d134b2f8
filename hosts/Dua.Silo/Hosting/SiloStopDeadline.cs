using System.Runtime.InteropServices;

namespace Dua.Silo.Hosting;

/// <summary>
/// Ends the process if a stop outlasts its budget (<see cref="SiloHostOptions.DrainDelay"/> +
/// <see cref="SiloHostOptions.LeaveTimeout"/> + a moment). Orleans gives up its graceful leave when the host's
/// shutdown timeout passes, but with its database gone its ungraceful stop still waits on the membership table
/// without end; a service manager would have to kill the silo, and a silo left running holds its ports. Nothing is
/// lost by ending it: every acknowledged write is already stored, and the cluster declares the silo dead as after
/// a crash.
/// </summary>
public sealed class SiloStopDeadline(
    IHostApplicationLifetime lifetime,
    SiloHostOptions options,
    ILogger<SiloStopDeadline> logger) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Only where the silo is the process: a silo hosted in another program (a test host) must never end it.
        if (System.Reflection.Assembly.GetEntryAssembly() == typeof(SiloStopDeadline).Assembly)
        {
            lifetime.ApplicationStopping.Register(() => _ = EnforceAsync());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnforceAsync()
    {
        var budget = options.DrainDelay + options.LeaveTimeout + Grace;
        // A stop that completes in time ends the process before this wakes up. (Not ApplicationStopped: the host may
        // have stopped and its disposal still wait on Orleans.)
        await Task.Delay(budget).ConfigureAwait(false);
        logger.LogCritical("Stopping took longer than {Budget} (Silo:DrainDelay + Silo:LeaveTimeout); exiting without Orleans' leave", budget);
        // The console logger writes on its own thread: give the line a moment to get out.
        await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        if (OperatingSystem.IsLinux())
        {
            // Not Environment.Exit: its process-exit handlers wait for the very host that does not stop.
            ExitImmediately(0);
        }

        Environment.Exit(0);
    }

    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitImmediately(int status);
}
