using System.Globalization;
using System.Net;
using System.Security.Authentication;
using Dua.ServiceDefaults;
using Dua.Testing;

namespace Dua.Gateway.Tests;

/// <summary>
/// The gateway process with TLS: bad settings stop it naming the setting; clients must trust its CA; and it calls
/// only silos whose certificate its own CA signed (a silo with another CA's certificate gets nothing, not even the
/// credential).
/// </summary>
public sealed class GatewayTlsProcessTests : IDisposable
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);
    private const string HealthCheck = "/grpc.health.v1.Health/Check";

    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("Another CA");

    private static string GatewayAssembly => Path.Combine(AppContext.BaseDirectory, "Dua.Gateway.dll");

    public static TheoryData<string> Mistakes => ["plaintext off loopback", "key without certificate", "key of another certificate", "expired certificate", "https silo without CA", "CA file missing", "plain http silo off loopback", "recount deadline past the proxy's wait"];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_gateway_with_bad_TLS_address_or_limit_settings_refuses_to_start_naming_the_setting(string mistake)
    {
        var settings = Static("http://127.0.0.1:5101");
        var expected = mistake switch
        {
            "plaintext off loopback" => Set(settings, "Gateway:ListenAddress 192.0.2.20 is not loopback", ("Gateway__ListenAddress", "192.0.2.20")),
            "key without certificate" => Set(settings, "Gateway:Tls:CertificatePath and Gateway:Tls:CertificateKeyPath go together", ("Gateway__Tls__CertificateKeyPath", _ca.Issue("gateway").KeyPath)),
            "key of another certificate" => Tls(settings, _ca.IssueWithWrongKey("gateway"), "Gateway:Tls:CertificatePath"),
            "expired certificate" => Tls(settings, _ca.Issue("old", notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1)), "is not valid now"),
            "https silo without CA" => Set(settings, "Gateway:Tls:CaPath (env Gateway__Tls__CaPath) is required", ("Gateway__StaticSilos__0", "https://127.0.0.1:5101")),
            "CA file missing" => Set(settings, "Gateway:Tls:CaPath: the file", ("Gateway__Tls__CaPath", Path.Combine(_ca.Folder, "missing.pem"))),
            "plain http silo off loopback" => Set(settings, "is plain http to another machine", ("Gateway__StaticSilos__0", "http://192.0.2.30:5101")),
            // YARP would cut a recount after its 100 s wait for the silo, before the recount's own deadline.
            "recount deadline past the proxy's wait" => Set(settings,
                "Gateway:Limits:RecountDeadline must not be longer than ReverseProxy:Clusters:silos:HttpRequest:ActivityTimeout", ("Gateway__Limits__RecountDeadline", "00:05:00")),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };

        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, settings);
        var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{gateway.Output}");
        var line = Assert.Single(gateway.Output.Split('\n'), l => l.Contains("Invalid gateway configuration", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_TLS_the_gateway_serves_clients_that_trust_its_CA_and_calls_only_silos_its_CA_signed()
    {
        await using var trusted = await TestBackend.StartAsync("trusted", _ca.Issue("silo-trusted"));
        await using var rogue = await TestBackend.StartAsync("rogue", _otherCa.Issue("silo-rogue"));
        var settings = Static(trusted.Address.AbsoluteUri, rogue.Address.AbsoluteUri);
        Tls(settings, _ca.Issue("gateway"), "");
        settings["Gateway__Tls__CaPath"] = _ca.CaPath;
        var port = int.Parse(settings["Gateway__GrpcPort"], CultureInfo.InvariantCulture);
        var address = new Uri($"https://127.0.0.1:{port}");

        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, settings);
        using var client = TlsClients.Trusting(_ca.CaPath);
        var answeredBy = new List<string>();
        await Eventually.HappensWithinAsync(ProcessDeadline, "ten calls over TLS answered by the trusted silo", async () =>
        {
            Assert.False(gateway.HasExited, gateway.Tail());
            try
            {
                var answer = await RawGrpcCall.SendAsync(client, address, HealthCheck, token: null);
                if (answer.GrpcStatus == "0")
                {
                    answeredBy.Add(answer.Fields.GetValueOrDefault(TestBackend.NameHeader) ?? "");
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            return answeredBy.Count >= 10;
        });

        Assert.All(answeredBy, name => Assert.Equal("trusted", name));
        Assert.Empty(rogue.GrpcPaths);

        // A client that does not trust the CA gets a TLS failure; a cleartext client gets no answer at all.
        using var untrusting = new HttpClient();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => RawGrpcCall.SendAsync(untrusting, address, HealthCheck, token: null));
        Assert.IsType<AuthenticationException>(refused.InnerException);
        using var cleartext = GatewayFactory.CreateH2cClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => RawGrpcCall.SendAsync(cleartext, new Uri($"http://127.0.0.1:{port}"), HealthCheck, token: null));
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static string Set(Dictionary<string, string> settings, string expected, (string Key, string Value) setting)
    {
        settings[setting.Key] = setting.Value;
        return expected;
    }

    private static string Tls(Dictionary<string, string> settings, CertificateFiles files, string expected)
    {
        settings["Gateway__Tls__CertificatePath"] = files.CertificatePath;
        settings["Gateway__Tls__CertificateKeyPath"] = files.KeyPath;
        return expected;
    }

    private static Dictionary<string, string> Static(params string[] silos)
    {
        var settings = new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway__Directory"] = "Static",
            ["Gateway__Authentication__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Gateway__Authentication__OpenReflection"] = "true",
            ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
            ["Gateway__PollInterval"] = "00:00:01",
        };
        for (var i = 0; i < silos.Length; i++)
        {
            settings[$"Gateway__StaticSilos__{i}"] = silos[i];
        }

        return settings;
    }
}
