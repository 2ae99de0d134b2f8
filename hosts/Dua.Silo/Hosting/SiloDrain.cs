namespace Dua.Silo.Hosting;

/// <summary>
/// A graceful stop (SIGTERM, Ctrl-C) first takes the silo out of the gateway's routing and lets calls drain, and
/// only then lets Kestrel and Orleans stop. Without it, the web server closes its port before Orleans leaves the
/// membership table and the gateway sends calls to a closed port for up to one poll. The drain takes
/// <see cref="SiloHostOptions.DrainDelay"/> whatever happens: when the database is gone (or hangs), withdrawing the
/// endpoint fails within that time, and the silo keeps serving for the rest of it.
/// </summary>
public sealed class SiloDrain(
    SiloReadiness readiness,
    SiloHostOptions options,
    TimeProvider time,
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

        var started = time.GetTimestamp();
        using (var withdrawal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            withdrawal.CancelAfter(options.DrainDelay);
            try
            {
                await registry.UnregisterAsync(withdrawal.Token);
                logger.LogInformation("Stopping: endpoint withdrawn; draining for {Delay}", options.DrainDelay);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The database may be gone too; Orleans' own leave (or its failure detector) still takes the silo out.
                logger.LogWarning("Stopping: could not withdraw the endpoint ({Error}); draining for {Delay}", e.Message, options.DrainDelay);
            }
        }

        var left = options.DrainDelay - time.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(left, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout has passed: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
