using System.Globalization;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Npgsql;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Silos and the gateway, each on its own host (network namespace), TLS everywhere between hosts: the gateway's public
/// endpoint, gateway to silo, silo to silo (mutual) and every process to PostgreSQL (VerifyFull). Every certificate
/// comes from the test's CA and names its host's address. Membership is tuned so a lost silo is declared dead fast.
/// </summary>
public sealed class NamespacedPlatform(TestCertificateAuthority ca, string connectionString) : IDisposable
{
    public const string ClusterId = "multihost";
    private const int GatewayPort = 5000;
    private readonly string _pseudonymKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private readonly Dictionary<int, ChildProcess> _silos = [];
    // The test's own queries open a fresh connection each: a pooled one would be stale after PostgreSQL restarts.
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    private readonly Dictionary<int, NamespaceHost> _siloHosts = [];
    private readonly List<GrpcChannel> _channels = [];
    private ChildProcess? _gateway;
    private NamespaceHost? _gatewayHost;

    public PlatformSecurity Security { get; } = PlatformSecurity.Generate();

    public IReadOnlyDictionary<int, ChildProcess> Silos => _silos;

    public string GatewayUrl => $"https://{_gatewayHost!.Address}:{GatewayPort}";

    public static string SiloName(int index) => $"dua-silo-{GrpcPort(index)}";

    public NamespaceHost SiloHost(int index) => _siloHosts[index];

    /// <param name="impostor">A CA other than the platform's: the silo's certificate comes from it, and it trusts only it.</param>
    /// <param name="settings">Settings on top of the platform's.</param>
    public ChildProcess StartSilo(int index, NamespaceHost host, TestCertificateAuthority? impostor = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _siloHosts[index] = host;
        var authority = impostor ?? ca;
        var certificate = authority.Issue($"silo{index}", [host.Address]);
        var environment = new Dictionary<string, string>(Security.SiloEnvironment)
        {
            ["ConnectionStrings__Dua"] = connectionString,
            ["Silo__ClusterId"] = ClusterId,
            ["Silo__ListenAddress"] = host.Address.ToString(),
            ["Silo__GrpcPort"] = Text(GrpcPort(index)),
            ["Silo__HttpPort"] = Text(HttpPort(index)),
            ["Silo__Tls__CertificatePath"] = certificate.CertificatePath,
            ["Silo__Tls__CertificateKeyPath"] = certificate.KeyPath,
            ["Silo__Tls__CaPath"] = authority.CaPath,
            ["Participants__PseudonymKey"] = _pseudonymKey,
            // A silo that misses 3 probes of 1.5 s is suspected; the others learn of it within the 2 s table refresh.
            ["Orleans__Membership__ProbeTimeout"] = "00:00:01.500",
            ["Orleans__Membership__NumMissedProbesLimit"] = "3",
            ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var silo = ChildProcess.StartDotnetIn(host.Namespace, SiloName(index), BuildOutput.Silo, environment);
        _silos[index] = silo;
        return silo;
    }

    public ChildProcess StartGateway(NamespaceHost host)
    {
        _gatewayHost = host;
        var certificate = ca.Issue("gateway", [host.Address]);
        _gateway = ChildProcess.StartDotnetIn(host.Namespace, "gateway", BuildOutput.Gateway, new Dictionary<string, string>(Security.GatewayEnvironment)
        {
            ["ConnectionStrings__Dua"] = connectionString,
            ["Gateway__ClusterId"] = ClusterId,
            ["Gateway__ListenAddress"] = host.Address.ToString(),
            ["Gateway__GrpcPort"] = Text(GatewayPort),
            ["Gateway__PollInterval"] = "00:00:01",
            ["Gateway__Tls__CertificatePath"] = certificate.CertificatePath,
            ["Gateway__Tls__CertificateKeyPath"] = certificate.KeyPath,
            ["Gateway__Tls__CaPath"] = ca.CaPath,
        });
        return _gateway;
    }

    /// <summary>A channel to the gateway over TLS, trusting only the test's CA, every call with the caller's token.</summary>
    public GrpcChannel ChannelFor(Caller caller)
    {
        var token = Security.TokenFor(caller);
        var channel = GrpcChannel.ForAddress(GatewayUrl, new GrpcChannelOptions
        {
            HttpHandler = TlsClients.TrustingHandler(ca.CaPath),
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
        });
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Whether the silo's own probe, over TLS from outside its host, says Healthy.</summary>
    public async Task<bool> IsHealthyAsync(int index)
    {
        using var http = TlsClients.Trusting(ca.CaPath);
        http.Timeout = TimeSpan.FromSeconds(2);
        try
        {
            return await http.GetStringAsync($"https://{_siloHosts[index].Address}:{HttpPort(index)}/healthz") == "Healthy";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async Task WaitUntilReadyAsync(int index, TimeSpan timeout) =>
        await Eventually.HappensWithinAsync(timeout, $"{SiloName(index)} ready", async () =>
        {
            Assert.False(_silos[index].HasExited, $"{_silos[index].Name} exited:\n{Why(_silos[index])}\n{_silos[index].Tail()}");
            return await IsHealthyAsync(index);
        });

    public async Task WaitUntilGatewayServesAsync(GrpcChannel channel, TimeSpan timeout)
    {
        var health = new Health.HealthClient(channel);
        await Eventually.SucceedsWithinAsync(timeout, "gateway serving", async () =>
        {
            Assert.False(_gateway!.HasExited, $"gateway exited:\n{_gateway.Tail()}");
            var response = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        });
    }

    /// <summary>The membership status Orleans recorded for the silo's newest incarnation (3 active, 6 dead).</summary>
    public async Task<int?> MembershipStatusAsync(int index)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @c AND address = @a ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("c", ClusterId);
        command.Parameters.AddWithValue("a", _siloHosts[index].Address.ToString());
        return await command.ExecuteScalarAsync() is int status ? status : null;
    }

    /// <summary>The gRPC endpoints the gateway routes to: published endpoints of active members, as its directory reads them.</summary>
    public async Task<string[]> RoutedEndpointsAsync()
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT e.grpc_endpoint FROM dua_silo_endpoints e
            JOIN orleansmembershiptable m ON m.deploymentid = e.cluster_id AND m.address = e.address AND m.port = e.port AND m.generation = e.generation
            WHERE e.cluster_id = @c AND m.status = 3
            """, connection);
        command.Parameters.AddWithValue("c", ClusterId);
        var endpoints = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            endpoints.Add(reader.GetString(0));
        }

        return [.. endpoints];
    }

    // A silo that fails fast prints its reason before a long stack: the lines that say why it ended.
    private static string Why(ChildProcess process) =>
        string.Join('\n', process.Output.Split('\n').Where(line => line.Contains("Process terminated", StringComparison.Ordinal)
            || line.StartsWith("crit", StringComparison.Ordinal) || line.Contains("dead", StringComparison.OrdinalIgnoreCase) && !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(10));

    public static string GrpcEndpointOf(NamespaceHost host, int index) => $"https://{host.Address}:{GrpcPort(index)}";

    public string Diagnostics() => string.Join("\n", _silos.Values.Append(_gateway).OfType<ChildProcess>().Select(p => p.Tail(60)));

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        _gateway?.Dispose();
        foreach (var silo in _silos.Values)
        {
            silo.Dispose();
        }

        Security.Dispose();
    }

    private static int GrpcPort(int index) => 5101 + index;

    private static int HttpPort(int index) => 5201 + index;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
