using Dua.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Discovery;

/// <summary>The silos listed in <c>Gateway:StaticSilos</c>: the in-memory demo and tests, where there is no database.</summary>
public sealed class StaticSiloDirectory(IOptions<GatewayOptions> options) : IHostedService, ISiloDirectory
{
    private readonly InMemorySiloDirectory _live = new([]);

    public SiloDirectorySnapshot GetSnapshot() => _live.GetSnapshot();

    // Filled at start, not in the constructor: YARP builds this directory while the app is mapped, before start-up
    // validation has vouched for the list. The change token then makes YARP pick the list up.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _live.Replace(options.Value.StaticSilos.Select(silo => SiloEndpoint.FromStaticEndpoint(new Uri(silo))));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
