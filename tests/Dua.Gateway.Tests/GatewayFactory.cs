using Dua.Testing;
using System.Net;
using System.Net.Sockets;
using Dua.Gateway.Discovery;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dua.Gateway.Tests;

/// <summary>
/// The real gateway (its Program, appsettings and YARP pipeline) on a real Kestrel loopback port, with the silo
/// directory replaced by one the test controls.
/// </summary>
internal sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly ISiloDirectory _directory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _trustTestKey;

    /// <param name="settings">Configuration on top of the gateway's appsettings.json (keys like <c>Gateway:ResponseCache:Enabled</c>).</param>
    /// <param name="services">Replacements of the gateway's services, applied last.</param>
    /// <param name="trustTestKey">Whether the gateway trusts <see cref="TestTokens"/>' key; false leaves it only what <paramref name="settings"/> name.</param>
    public GatewayFactory(
        ISiloDirectory directory, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, bool trustTestKey = true)
    {
        _directory = directory;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        _trustTestKey = trustTestKey;
        Port = FreePort.Next();
        UseKestrel();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public GatewayFactory Start()
    {
        StartServer();
        return this;
    }

    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address);

    /// <summary>A channel whose calls carry a bearer token for the caller.</summary>
    public GrpcChannel CreateChannel(Dua.Security.Caller caller)
    {
        var token = TestTokens.For(caller);
        var credentials = Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        // Call credentials over cleartext h2c must be allowed explicitly: it is loopback in tests.
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.Insecure, credentials),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }

    /// <summary>An HTTP/2-only cleartext client, for requests that are not calls of a generated gRPC client.</summary>
    public static HttpClient CreateH2cClient() => new()
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gateway:GrpcPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Static mode needs no database; its own list is shadowed by the test's directory below.
        builder.UseSetting("Gateway:Directory", "Static");
        builder.UseSetting("Gateway:StaticSilos:0", "http://127.0.0.1:1");
        builder.UseSetting("Gateway:SiloCredential", TestTokens.SiloCredential);
        foreach (var (key, value) in _trustTestKey ? TestTokens.GatewaySettings : new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_directory);
            _services?.Invoke(services);
        });
    }
}
