using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dua.Testing;

/// <summary>
/// A private certificate authority of one test, with PEM files in a temporary folder (removed on dispose): the
/// CA to configure as <c>…:Tls:CaPath</c>, and certificates it issues for given addresses, valid or not.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _ca;
    private readonly ECDsa _caKey;

    private TestCertificateAuthority(string name, string folder)
    {
        Folder = folder;
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(365));
        CaPath = Path.Combine(folder, "ca.pem");
        File.WriteAllText(CaPath, _ca.ExportCertificatePem());
    }

    public string Folder { get; }

    public string CaPath { get; }

    public static TestCertificateAuthority Create(string name = "Dua test CA")
    {
        var folder = Directory.CreateTempSubdirectory("dua-tls-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The PostgreSQL server of a test runs as user postgres and reads its files from here.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return new TestCertificateAuthority(name, folder);
    }

    /// <summary>
    /// A certificate for serving and client authentication naming <paramref name="addresses"/> (127.0.0.1 when none),
    /// valid from yesterday for a month unless given otherwise; written as NAME.pem and NAME.key.
    /// </summary>
    public CertificateFiles Issue(string name, IEnumerable<IPAddress>? addresses = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var address in addresses ?? [IPAddress.Loopback])
        {
            names.AddIpAddress(address);
        }

        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var from = notBefore ?? DateTimeOffset.UtcNow.AddDays(-1);
        var to = notAfter ?? DateTimeOffset.UtcNow.AddDays(30);
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var certificate = request.Create(_ca, from, to, serial);
        return Write(name, certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A valid certificate with the private key of another certificate: they do not belong together.</summary>
    public CertificateFiles IssueWithWrongKey(string name)
    {
        var certificate = Issue($"{name}-certificate");
        var other = Issue($"{name}-other");
        return new CertificateFiles(certificate.CertificatePath, other.KeyPath);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private CertificateFiles Write(string name, string certificatePem, string keyPem)
    {
        var files = new CertificateFiles(Path.Combine(Folder, $"{name}.pem"), Path.Combine(Folder, $"{name}.key"));
        File.WriteAllText(files.CertificatePath, certificatePem);
        File.WriteAllText(files.KeyPath, keyPem);
        return files;
    }
}

/// <summary>A certificate and its private key as PEM files.</summary>
public sealed record CertificateFiles(string CertificatePath, string KeyPath);
