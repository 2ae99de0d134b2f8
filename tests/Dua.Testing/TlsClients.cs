using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Dua.Testing;

/// <summary>HTTP clients that trust exactly one test CA, as a client given <c>--cacert</c> does.</summary>
public static class TlsClients
{
    public static SocketsHttpHandler TrustingHandler(string caPath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caPath);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy },
            EnableMultipleHttp2Connections = true,
        };
    }

    public static HttpClient Trusting(string caPath) => new(TrustingHandler(caPath)) { Timeout = TimeSpan.FromSeconds(5) };
}
