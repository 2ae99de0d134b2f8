using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dua.Silo.Hosting;

/// <summary>
/// Healthy once the silo has joined, loaded its reference data and announced its endpoint. Until then the
/// gateway's health probe and <c>grpc.health.v1.Health</c> report it as not serving, so no traffic arrives early.
/// </summary>
public sealed class SiloReadiness : IHealthCheck
{
    private volatile string? _notReadyReason = "starting";

    public bool IsReady => _notReadyReason is null;

    public void MarkReady() => _notReadyReason = null;

    public void MarkNotReady(string reason) => _notReadyReason = reason;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_notReadyReason is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy());
}
