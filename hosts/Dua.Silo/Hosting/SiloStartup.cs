using Dua.Grains;
using Dua.ReferenceData;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Hosting;

/// <summary>
/// Work that must finish before this silo takes traffic: load reference data, then announce the endpoint.
/// Runs once the host (silo and Kestrel) has started, and retries, since the database or peer silos may lag.
/// </summary>
public sealed class SiloStartup(
    IHostApplicationLifetime lifetime,
    IServiceProvider services,
    SiloHostOptions options,
    SiloReadiness readiness,
    ILogger<SiloStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStarted(lifetime, stoppingToken);

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                readiness.MarkReady();
                logger.LogInformation("Silo ready; gRPC at {GrpcEndpoint}", options.GrpcEndpoint);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                readiness.MarkNotReady($"start-up work failed: {e.Message}");
                logger.LogWarning(e, "Start-up work failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (options.SeedReferenceData)
        {
            var changed = await services.GetRequiredService<GeographySeeder>().SeedAsync(Geography.Sweden, cancellationToken);
            logger.LogInformation("Reference data loaded: {Changed} grains changed", changed);
        }

        if (services.GetService<SiloEndpointRegistry>() is { } registry)
        {
            await registry.RegisterAsync(cancellationToken);
        }
    }

    private static Task WhenStarted(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        return started.Task;
    }
}
