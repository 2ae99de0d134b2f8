using System.Net;
using System.Security.Cryptography.X509Certificates;
using Dua.ServiceDefaults.Tls;
using Dua.Testing;

namespace Dua.ServiceDefaults.Tests;

/// <summary>What the hosts' TLS settings accept and refuse, with real PEM files of a test CA.</summary>
public sealed class TlsSettingsTests : IDisposable
{
    private const string Section = "Host:Tls";
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("Another CA");

    [Fact]
    public void A_certificate_with_its_key_and_the_CA_that_signed_it_has_no_problems()
    {
        var files = _ca.Issue("host");
        var settings = new TlsSettings { CertificatePath = files.CertificatePath, CertificateKeyPath = files.KeyPath, CaPath = _ca.CaPath };

        Assert.Empty(settings.Problems(Section, requireCertificate: true, requireCa: true, DateTimeOffset.UtcNow));
        using var certificate = settings.LoadCertificate();
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Each_mistake_is_named_by_its_setting()
    {
        var valid = _ca.Issue("host");
        var wrongKey = _ca.IssueWithWrongKey("host");
        var now = DateTimeOffset.UtcNow;

        Assert.Contains(Problems(new TlsSettings(), certificate: true, ca: false), p => p.StartsWith("Host:Tls:CertificatePath and Host:Tls:CertificateKeyPath", StringComparison.Ordinal));
        Assert.Contains(Problems(new TlsSettings { CertificatePath = wrongKey.CertificatePath, CertificateKeyPath = wrongKey.KeyPath }), p => p.Contains("matching private key", StringComparison.Ordinal));
        Assert.Contains(new TlsSettings { CertificatePath = valid.CertificatePath, CertificateKeyPath = valid.KeyPath }.Problems(Section, false, false, now.AddDays(60)),
            p => p.Contains("Host:Tls:CertificatePath", StringComparison.Ordinal) && p.Contains("is not valid now", StringComparison.Ordinal));
        Assert.Contains(Problems(new TlsSettings { CertificatePath = valid.CertificatePath, CertificateKeyPath = valid.KeyPath }, ca: true), p => p.StartsWith("Host:Tls:CaPath (env Host__Tls__CaPath) is required", StringComparison.Ordinal));
        Assert.Contains(Problems(new TlsSettings { CaPath = Path.Combine(_ca.Folder, "nowhere.pem") }), p => p.StartsWith("Host:Tls:CaPath: the file", StringComparison.Ordinal));
        Assert.Contains(Problems(new TlsSettings { CaPath = valid.KeyPath }), p => p.Contains("holds no PEM certificate", StringComparison.Ordinal));
        Assert.Contains(Problems(new TlsSettings { CertificatePath = valid.CertificatePath, CertificateKeyPath = valid.KeyPath, CaPath = _otherCa.CaPath }), p => p.Contains("did not sign", StringComparison.Ordinal));
    }

    [Fact]
    public void The_private_CA_trusts_its_own_certificates_only()
    {
        var authority = PrivateCertificateAuthority.Load(_ca.CaPath);
        using var own = X509Certificate2.CreateFromPem(File.ReadAllText(_ca.Issue("own", [IPAddress.Parse("10.211.0.5")]).CertificatePath));
        using var foreign = X509Certificate2.CreateFromPem(File.ReadAllText(_otherCa.Issue("foreign").CertificatePath));

        Assert.True(authority.Trusts(own));
        Assert.False(authority.Trusts(foreign));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("10.211.0.5", false)]
    [InlineData("0.0.0.0", false)]
    public void Plaintext_is_allowed_only_on_loopback(string address, bool allowed) =>
        Assert.Equal(allowed, ListenAddresses.PlaintextProblem("Host:ListenAddress", address, Section) is null);

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static IEnumerable<string> Problems(TlsSettings settings, bool certificate = false, bool ca = false) =>
        settings.Problems(Section, certificate, ca, DateTimeOffset.UtcNow);
}
