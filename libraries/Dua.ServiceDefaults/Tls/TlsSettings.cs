using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dua.ServiceDefaults.Tls;

/// <summary>
/// A process's TLS files, all PEM: its own certificate and key, and the private certificate authority it trusts for
/// its peers (the silos, for the gateway; the other silos and Orleans clients, for a silo). Bound from a host's
/// <c>…:Tls</c> section (<c>Silo:Tls:CertificatePath</c>, env <c>Silo__Tls__CertificatePath</c>).
/// </summary>
public sealed class TlsSettings
{
    public string? CertificatePath { get; set; }

    public string? CertificateKeyPath { get; set; }

    /// <summary>The certificate authority (PEM, one or more certificates) that signs the peers' certificates.</summary>
    public string? CaPath { get; set; }

    /// <summary>Whether this process serves TLS: a certificate is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateKeyPath);

    public bool HasCa => !string.IsNullOrWhiteSpace(CaPath);

    /// <summary>
    /// What is wrong with the files, each message naming its setting under <paramref name="section"/> (<c>Silo:Tls</c>):
    /// a certificate without its key, a file that is missing or no PEM, a key that does not belong to the certificate,
    /// a certificate not valid now, a CA that is missing or does not sign the certificate.
    /// </summary>
    public IEnumerable<string> Problems(string section, bool requireCertificate, bool requireCa, DateTimeOffset now)
    {
        var certificateSetting = $"{section}:{nameof(CertificatePath)}";
        var keySetting = $"{section}:{nameof(CertificateKeyPath)}";
        var caSetting = $"{section}:{nameof(CaPath)}";

        if (requireCertificate && !Enabled)
        {
            yield return $"{certificateSetting} and {keySetting} (env {SettingNames.AsEnvironmentVariable(certificateSetting)}, ...) are required: TLS is on, and TLS needs a certificate and its key (PEM).";
        }

        X509Certificate2? certificate = null;
        if (Enabled)
        {
            if (string.IsNullOrWhiteSpace(CertificatePath) || string.IsNullOrWhiteSpace(CertificateKeyPath))
            {
                yield return $"{certificateSetting} and {keySetting} go together: give both PEM files, or neither.";
            }
            else if ((FileProblem(certificateSetting, CertificatePath) ?? FileProblem(keySetting, CertificateKeyPath)) is { } missing)
            {
                yield return missing;
            }
            else if (Load(certificateSetting, keySetting, out var problem) is { } loaded)
            {
                certificate = loaded;
                if (now < loaded.NotBefore || now > loaded.NotAfter)
                {
                    yield return $"{certificateSetting} '{CertificatePath}' is not valid now: valid from {loaded.NotBefore:u} to {loaded.NotAfter:u}.";
                }
            }
            else
            {
                yield return problem!;
            }
        }

        if (requireCa && !HasCa)
        {
            yield return $"{caSetting} (env {SettingNames.AsEnvironmentVariable(caSetting)}) is required: the certificate authority (PEM) that signs the peers' certificates.";
        }
        else if (HasCa)
        {
            if (FileProblem(caSetting, CaPath!) is { } missing)
            {
                yield return missing;
            }
            else if (!PrivateCertificateAuthority.TryLoad(CaPath!, out var authority))
            {
                yield return $"{caSetting} '{CaPath}' holds no PEM certificate.";
            }
            else if (certificate is not null && !authority.Trusts(certificate))
            {
                yield return $"{caSetting} '{CaPath}' did not sign {certificateSetting} '{CertificatePath}': peers would refuse this process.";
            }
        }

        certificate?.Dispose();
    }

    /// <summary>The certificate with its private key; call only once <see cref="Problems"/> found none.</summary>
    public X509Certificate2 LoadCertificate() => X509Certificate2.CreateFromPemFile(CertificatePath!, CertificateKeyPath);

    public PrivateCertificateAuthority LoadCa() => PrivateCertificateAuthority.Load(CaPath!);

    private X509Certificate2? Load(string certificateSetting, string keySetting, out string? problem)
    {
        try
        {
            problem = null;
            return LoadCertificate();
        }
        catch (CryptographicException e)
        {
            problem = $"{certificateSetting} '{CertificatePath}' and {keySetting} '{CertificateKeyPath}' are not a PEM certificate and its matching private key: {e.Message}";
            return null;
        }
        catch (ArgumentException e)
        {
            problem = $"{certificateSetting} '{CertificatePath}' and {keySetting} '{CertificateKeyPath}' are not a PEM certificate and its matching private key: {e.Message}";
            return null;
        }
    }

    private static string? FileProblem(string setting, string path) =>
        File.Exists(path) ? null : $"{setting}: the file '{path}' does not exist.";
}
