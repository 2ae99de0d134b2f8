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
        lifetime.ApplicationStopping.Register(() => _ = EnforceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnforceAsync()
    {
        var budget = options.DrainDelay + options.LeaveTimeout + Grace;
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
