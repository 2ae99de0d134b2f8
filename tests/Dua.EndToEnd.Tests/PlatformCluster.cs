using Dua.Security;
using Dua.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Silo and gateway processes on one PostgreSQL database. A silo keeps its ports across restarts, as a
/// redeployed machine would, so a restarted silo supersedes its dead predecessor in the membership table.
/// The gateway validates tokens against a key pair of this cluster and reaches the silos with its credential;
/// test clients call as a <see cref="Caller"/> (<see cref="Gateway"/>: an agency for the whole country).
/// </summary>
public sealed class PlatformCluster(string connectionString) : IDisposable
{
    private readonly string _clusterId = $"e2e-{Guid.NewGuid():N}"[..16];
    private readonly Dictionary<int, SiloPorts> _ports = [];
    private readonly string _pseudonymKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly Dictionary<int, ChildProcess> _silos = [];
    private ChildProcess? _gateway;

    public int GatewayPort { get; } = FreePort.Next();

    public PlatformSecurity Security { get; } = PlatformSecurity.Generate();

    /// <summary>The gateway as an agency for the whole country (<see cref="TestCallers.Agency"/>).</summary>
    public GrpcChannel Gateway => ChannelFor(TestCallers.Agency);

    /// <summary>The gateway as <paramref name="caller"/>: every call carries a token for it.</summary>
    public GrpcChannel ChannelFor(Caller caller) => Security.ChannelFor($"http://127.0.0.1:{GatewayPort}", caller);

    /// <summary>Silo <paramref name="index"/>'s gRPC port directly, with the headers the gateway would send (dispose it).</summary>
    public GrpcChannel SiloChannelFor(int index, Caller caller, bool withCredential = true) =>
        Security.SiloChannelFor($"http://127.0.0.1:{_ports[index].Grpc}", caller, withCredential);

    public IReadOnlyDictionary<int, ChildProcess> Silos => _silos;

    /// <summary>Settings every silo and gateway started from now on gets besides its own (telemetry endpoints, say).</summary>
    public Dictionary<string, string> SharedEnvironment { get; } = [];

    public static string SiloName(SiloPorts ports) => $"dua-silo-{ports.Grpc}";

    public SiloPorts PortsOf(int index) => _ports[index];

    public ChildProcess StartSilo(int index, bool seedReferenceData = true)
    {
        if (!_ports.TryGetValue(index, out var ports))
        {
            ports = _ports[index] = new SiloPorts(FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        }

        var silo = ChildProcess.StartDotnet(SiloName(ports), BuildOutput.Silo, new Dictionary<string, string>(Security.SiloEnvironment)
        {
            ["ConnectionStrings__Dua"] = connectionString,
            ["Silo__ClusterId"] = _clusterId,
            ["Silo__SiloPort"] = ports.Silo.ToString(),
            ["Silo__OrleansClientPort"] = ports.OrleansClient.ToString(),
            ["Silo__GrpcPort"] = ports.Grpc.ToString(),
            ["Silo__HttpPort"] = ports.Http.ToString(),
            ["Silo__SeedReferenceData"] = seedReferenceData.ToString(),
            ["Participants__PseudonymKey"] = _pseudonymKey,
        }.WithShared(SharedEnvironment));
        _silos[index] = silo;
        return silo;
    }

    public ChildProcess StartGateway()
    {
        _gateway = ChildProcess.StartDotnet("gateway", BuildOutput.Gateway, new Dictionary<string, string>(Security.GatewayEnvironment)
        {
            ["ConnectionStrings__Dua"] = connectionString,
            ["Gateway__ClusterId"] = _clusterId,
            ["Gateway__GrpcPort"] = GatewayPort.ToString(),
            ["Gateway__PollInterval"] = "00:00:01",
        }.WithShared(SharedEnvironment));
        return _gateway;
    }

    /// <summary>Waits until the silo's own readiness probe says it has joined and loaded its data.</summary>
    public async Task WaitUntilReadyAsync(int index, TimeSpan timeout)
    {
        var silo = _silos[index];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.SucceedsWithinAsync(timeout, $"{silo.Name} ready", async () =>
        {
            Assert.False(silo.HasExited, $"{silo.Name} exited:\n{silo.Output}");
            var body = await http.GetStringAsync($"http://127.0.0.1:{_ports[index].Http}/healthz");
            Assert.Equal("Healthy", body);
        });
    }

    /// <summary>Waits until the gateway answers health checks by proxying them to some silo.</summary>
    public async Task WaitUntilGatewayServesAsync(TimeSpan timeout)
    {
        var health = new Health.HealthClient(Gateway);
        await Eventually.SucceedsWithinAsync(timeout, "gateway serving", async () =>
        {
            Assert.False(_gateway!.HasExited, $"gateway exited:\n{_gateway.Output}");
            var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        });
    }

    public void StopAll()
    {
        Security.CloseChannels();
        _gateway?.Dispose();
        _gateway = null;
        foreach (var silo in _silos.Values)
        {
            silo.Dispose();
        }

        _silos.Clear();
    }

    public void Dispose()
    {
        StopAll();
        Security.Dispose();
    }

    /// <summary>Every process running now: the silos and the gateway.</summary>
    public IEnumerable<ChildProcess> Processes => _silos.Values.Append(_gateway).OfType<ChildProcess>();

    public string Diagnostics() => string.Join("\n", _silos.Values.Append(_gateway).OfType<ChildProcess>().Select(p => p.Tail()));
}

public sealed record SiloPorts(int Silo, int OrleansClient, int Grpc, int Http);

internal static class EnvironmentExtensions
{
    public static Dictionary<string, string> WithShared(this Dictionary<string, string> own, IReadOnlyDictionary<string, string> shared)
    {
        foreach (var (name, value) in shared)
        {
            own[name] = value;
        }

        return own;
    }
}
