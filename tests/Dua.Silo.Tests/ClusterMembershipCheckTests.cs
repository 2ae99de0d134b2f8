using System.Collections.Immutable;
using System.Net;
using Dua.Silo.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Dua.Silo.Tests;

/// <summary>A silo is ready only while the cluster lists it as active: not while joining, nor shutting down or dead.</summary>
public sealed class ClusterMembershipCheckTests
{
    private static readonly SiloAddress Self = SiloAddress.New(IPAddress.Loopback, 11111, 1);

    [Theory]
    [InlineData(SiloStatus.Created, HealthStatus.Unhealthy)]
    [InlineData(SiloStatus.Joining, HealthStatus.Unhealthy)]
    [InlineData(SiloStatus.Active, HealthStatus.Healthy)]
    [InlineData(SiloStatus.ShuttingDown, HealthStatus.Unhealthy)]
    [InlineData(SiloStatus.Stopping, HealthStatus.Unhealthy)]
    [InlineData(SiloStatus.Dead, HealthStatus.Unhealthy)]
    public async Task Ready_only_as_an_active_member(SiloStatus status, HealthStatus expected)
    {
        var check = new ClusterMembershipCheck(new Membership(status), new LocalSilo());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
        if (expected == HealthStatus.Unhealthy)
        {
            Assert.Contains(status.ToString(), result.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_silo_missing_from_the_membership_is_not_ready()
    {
        var empty = new Membership(null);

        var result = await new ClusterMembershipCheck(empty, new LocalSilo()).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    private sealed class Membership(SiloStatus? status) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
            status is { } s
                ? ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(Self, new ClusterMember(Self, s, "self"))
                : ImmutableDictionary<SiloAddress, ClusterMember>.Empty,
            new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }

    private sealed class LocalSilo : ILocalSiloDetails
    {
        public string Name => "self";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => Self;

        public SiloAddress GatewayAddress => Self;
    }
}
