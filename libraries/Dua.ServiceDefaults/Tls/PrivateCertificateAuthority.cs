using System.Diagnostics.CodeAnalysis;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Dua.ServiceDefaults.Tls;

/// <summary>
/// The platform's own certificate authority: a peer's certificate is trusted when it chains to these roots, and to
/// nothing else (not the machine's public roots), so a certificate from another CA is refused.
/// </summary>
public sealed class PrivateCertificateAuthority
{
    private readonly X509Certificate2Collection _roots;

    private PrivateCertificateAuthority(X509Certificate2Collection roots) => _roots = roots;

    public static PrivateCertificateAuthority Load(string path) =>
        TryLoad(path, out var authority) ? authority : throw new InvalidOperationException($"'{path}' holds no PEM certificate.");

    public static bool TryLoad(string path, [NotNullWhen(true)] out PrivateCertificateAuthority? authority)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            roots.Clear();
        }

        authority = roots.Count > 0 ? new PrivateCertificateAuthority(roots) : null;
        return authority is not null;
    }

    /// <summary>Whether <paramref name="certificate"/> chains to this authority and is valid now. Names are not checked here.</summary>
    public bool Trusts(X509Certificate2 certificate, X509Certificate2Collection? intermediates = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // A private CA publishes no revocation lists; its certificates are short-lived instead.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }

        return chain.Build(certificate);
    }

    /// <summary>
    /// For a client connecting to a peer by address: the peer's certificate must chain to this authority and name the
    /// address it was reached at (a subject alternative name), so a stolen certificate of another host does not pass.
    /// </summary>
    public RemoteCertificateValidationCallback ValidateServer() => (_, certificate, chain, errors) =>
        certificate is not null
        && (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
        && Trusts(certificate as X509Certificate2 ?? new X509Certificate2(certificate), chain?.ChainPolicy.ExtraStore);
}
