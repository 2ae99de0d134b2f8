using System.Collections.Concurrent;
using Dua.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Other callers going about their business through the gateway while a test sends bad requests: an agency for
/// Hudiksvall reading its county and its agreements, and a load balancer asking health. Every call must succeed, and
/// health must answer SERVING, for as long as they run.
/// </summary>
public sealed class Bystanders
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Task[] _loops;
    private int _calls;

    private Bystanders(PlatformCluster platform, int callers)
    {
        var channel = platform.ChannelFor(TestCallers.AgencyFor("2184"));
        var regions = new RegionService.RegionServiceClient(channel);
        var agreements = new AgreementService.AgreementServiceClient(channel);
        var health = new Health.HealthClient(channel);
        _loops = [.. Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                await CallAsync("GetRegion", async deadline => Assert.Equal("21", (await regions.GetRegionAsync(new() { RegionCode = "21" }, deadline: deadline)).Region.RegionCode));
                await CallAsync("ListAgreements", async deadline => Assert.NotEmpty((await agreements.ListAgreementsAsync(new() { MunicipalityCode = "2184" }, deadline: deadline)).Agreements));
                await CallAsync("Health/Check", async deadline => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new(), deadline: deadline)).Status));
            }
        }))];
    }

    public static Bystanders Start(PlatformCluster platform, int callers = 2) => new(platform, callers);

    /// <summary>Stops them; how many calls they made and which failed.</summary>
    public async Task<(int Calls, IReadOnlyList<string> Failures)> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        return (_calls, [.. _failures]);
    }

    private async Task CallAsync(string name, Func<DateTime, Task> call)
    {
        try
        {
            await call(DateTime.UtcNow.AddSeconds(10));
            Interlocked.Increment(ref _calls);
        }
        catch (Exception e) when (e is RpcException or Xunit.Sdk.XunitException)
        {
            Interlocked.Increment(ref _calls);
            var what = e is RpcException rpc ? $"{rpc.StatusCode} {rpc.Status.Detail}" : e.Message;
            _failures.Enqueue($"{name}: {(what.Length > 120 ? what[..120] : what)}");
        }
    }
}
