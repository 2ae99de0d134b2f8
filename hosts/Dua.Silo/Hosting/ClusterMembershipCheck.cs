using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Dua.Silo.Hosting;

/// <summary>
/// Ready only while the cluster lists this silo as active: not while it is joining, nor once it is shutting down or
/// has been declared dead (a silo cut off from its peers must not take traffic with state it may no longer own).
/// </summary>
public sealed class ClusterMembershipCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"cluster membership: {status}"));
    }
}
