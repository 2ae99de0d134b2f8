using Dua.Security;
using Dua.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dua.Silo.Tests;

/// <summary>
/// The real silo host in process: Orleans with localhost clustering and memory storage, gRPC over the test
/// server. Ports are free ones, so the tests run beside a running platform. Calls go as if through the gateway:
/// with its credential and a caller (<see cref="Channel"/> is an agency for the whole country).
/// </summary>
public sealed class InMemorySiloFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A fixed test key, so tests can compute the pseudonyms they expect.</summary>
    public static readonly string PseudonymKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The credential the test gateway shares with the silo.</summary>
    public const string GatewayCredential = "test-gateway-credential-0123456789abcdef";

    private readonly List<GrpcChannel> _channels = [];

    /// <summary>What the silo logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();
    private GrpcChannel? _channel;

    /// <summary>Calls as an agency acting for the whole country.</summary>
    public GrpcChannel Channel => _channel ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Calls as the gateway passes on this caller.</summary>
    public GrpcChannel ChannelFor(Caller caller) =>
        ChannelWith([new(CallerHeaders.Credential, GatewayCredential), .. CallerHeaders.Of(caller)]);

    /// <summary>Raw calls (any bytes as a request) with the headers the gateway sends for the country agency.</summary>
    public Dua.Testing.Requests.RawGrpcClient RawClient() =>
        new(Server.CreateHandler(), Server.BaseAddress, [new(CallerHeaders.Credential, GatewayCredential), .. CallerHeaders.Of(TestCallers.CountryAgency)]);

    /// <summary>Calls with exactly these headers: none, a wrong credential, a credential without a caller.</summary>
    public GrpcChannel ChannelWith(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GatewayHeadersHandler(headers, Server.CreateHandler()),
        });
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Silo:Clustering", "Localhost");
        builder.UseSetting("Silo:Storage", "Memory");
        builder.UseSetting("Silo:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:OrleansClientPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:GrpcPort", FreePort.Next().ToString());
        builder.UseSetting("Silo:HttpPort", FreePort.Next().ToString());
        builder.UseSetting("Participants:PseudonymKey", PseudonymKey);
        builder.UseSetting("Silo:GatewayCredential", GatewayCredential);
        // Refused requests are logged at debug level only; tests look for those lines.
        builder.UseSetting("Logging:LogLevel:Dua.Silo.Api.RequestMessageGuard", "Debug");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
    }

    public async Task InitializeAsync()
    {
        _channel = ChannelFor(TestCallers.CountryAgency);

        // Start-up work (loading reference data) runs after the host starts; wait until the silo says it serves.
        var health = new Health.HealthClient(_channel);
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(60), "the silo serving", async () =>
            (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await DisposeAsync();
    }
}
