using System.Globalization;
using Dua.ServiceDefaults;
using Dua.Testing;

namespace Dua.Silo.Tests;

/// <summary>
/// Bad TLS and address settings stop the silo process before it serves anything: exit code 2 and one line naming
/// the setting. Each case starts the real program with only that mistake.
/// </summary>
public sealed class SiloTlsSettingsProcessTests : IDisposable
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);

    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("Another CA");

    public static TheoryData<string> Mistakes => ["plaintext off loopback", "certificate without key", "key of another certificate", "expired certificate", "no CA", "CA file missing", "CA that did not sign the certificate", "0.0.0.0 without advertised address"];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_silo_with_bad_TLS_or_address_settings_refuses_to_start_naming_the_setting(string mistake)
    {
        var valid = _ca.Issue("silo");
        var settings = InMemory();
        var expected = mistake switch
        {
            "plaintext off loopback" => Set(settings, ("Silo__ListenAddress", "192.0.2.10"), "Silo:ListenAddress 192.0.2.10 is not loopback"),
            "certificate without key" => Set(settings, ("Silo__Tls__CertificatePath", valid.CertificatePath), "Silo:Tls:CertificatePath and Silo:Tls:CertificateKeyPath go together"),
            "key of another certificate" => Tls(settings, _ca.IssueWithWrongKey("silo"), _ca.CaPath, "not a PEM certificate and its matching private key"),
            "expired certificate" => Tls(settings, _ca.Issue("old", notBefore: DateTimeOffset.UtcNow.AddDays(-30), notAfter: DateTimeOffset.UtcNow.AddDays(-1)), _ca.CaPath, "is not valid now"),
            "no CA" => Tls(settings, valid, null, "Silo:Tls:CaPath (env Silo__Tls__CaPath) is required"),
            "CA file missing" => Tls(settings, valid, Path.Combine(_ca.Folder, "missing-ca.pem"), "Silo:Tls:CaPath: the file"),
            "CA that did not sign the certificate" => Tls(settings, valid, _otherCa.CaPath, "did not sign Silo:Tls:CertificatePath"),
            "0.0.0.0 without advertised address" => Set(settings, ("Silo__ListenAddress", "0.0.0.0"), Tls(settings, valid, _ca.CaPath, "Silo:AdvertisedAddress (env Silo__AdvertisedAddress) is required")),
            _ => throw new ArgumentOutOfRangeException(nameof(mistake)),
        };

        using var silo = ChildProcess.StartDotnet("silo", Path.Combine(AppContext.BaseDirectory, "Dua.Silo.dll"), settings);
        var exitCode = await silo.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{silo.Output}");
        var line = Assert.Single(silo.Output.Split('\n'), l => l.Contains("Invalid silo configuration", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_a_valid_certificate_of_the_CA_serves_its_probe_over_TLS_only()
    {
        var settings = InMemory();
        Tls(settings, _ca.Issue("silo"), _ca.CaPath, "");
        var http = int.Parse(settings["Silo__HttpPort"], CultureInfo.InvariantCulture);

        using var silo = ChildProcess.StartDotnet("silo", Path.Combine(AppContext.BaseDirectory, "Dua.Silo.dll"), settings);
        using var trusting = TlsClients.Trusting(_ca.CaPath);
        await Eventually.SucceedsWithinAsync(ProcessDeadline, "the silo's probe over TLS", async () =>
        {
            Assert.False(silo.HasExited, silo.Tail());
            Assert.Equal("Healthy", await trusting.GetStringAsync($"https://127.0.0.1:{http}/healthz"));
        });

        // Not in clear text, and not to a client that does not trust the CA.
        using var plaintext = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => plaintext.GetStringAsync($"http://127.0.0.1:{http}/healthz"));
        using var untrusting = new HttpClient();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetStringAsync($"https://127.0.0.1:{http}/healthz"));
        Assert.IsType<System.Security.Authentication.AuthenticationException>(refused.InnerException);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static string Set(Dictionary<string, string> settings, (string Key, string Value) setting, string expected)
    {
        settings[setting.Key] = setting.Value;
        return expected;
    }

    private static string Tls(Dictionary<string, string> settings, CertificateFiles files, string? caPath, string expected)
    {
        settings["Silo__Tls__CertificatePath"] = files.CertificatePath;
        settings["Silo__Tls__CertificateKeyPath"] = files.KeyPath;
        if (caPath is not null)
        {
            settings["Silo__Tls__CaPath"] = caPath;
        }

        return expected;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    // A single silo without a database; valid but for the mistake under test.
    private static Dictionary<string, string> InMemory() => new()
    {
        ["Silo__Clustering"] = "Localhost",
        ["Silo__Storage"] = "Memory",
        ["Silo__SiloPort"] = Text(FreePort.Next()),
        ["Silo__OrleansClientPort"] = Text(FreePort.Next()),
        ["Silo__GrpcPort"] = Text(FreePort.Next()),
        ["Silo__HttpPort"] = Text(FreePort.Next()),
        ["Participants__PseudonymKey"] = InMemorySiloFactory.PseudonymKey,
        ["Silo__GatewayCredential"] = InMemorySiloFactory.GatewayCredential,
    };
}
