namespace Dua.Silo.Hosting;

/// <summary>
/// A graceful stop (SIGTERM, Ctrl-C) first takes the silo out of the gateway's routing and lets calls drain, and
/// only then lets Kestrel and Orleans stop. Without it, the web server closes its port before Orleans leaves the
/// membership table and the gateway sends calls to a closed port for up to one poll.
/// </summary>
public sealed class SiloDrain(
    SiloReadiness readiness,
    SiloHostOptions options,
    ILogger<SiloDrain> logger,
    SiloEndpointRegistry? registry = null) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkNotReady("stopping");
        if (registry is null)
        {
            return;
        }

        try
        {
            await registry.UnregisterAsync(cancellationToken);
            logger.LogInformation("Stopping: endpoint withdrawn; draining for {Delay}", options.DrainDelay);
            await Task.Delay(options.DrainDelay, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be gone too; Orleans' own leave still takes the silo out of the gateway's view.
            logger.LogWarning(e, "Stopping: could not withdraw the endpoint");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
