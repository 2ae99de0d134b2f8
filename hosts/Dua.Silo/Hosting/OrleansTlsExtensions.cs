using Orleans.Connections.Security;

namespace Dua.Silo.Hosting;

public static class OrleansTlsExtensions
{
    /// <summary>
    /// Silo-to-silo and Orleans client connections over mutually authenticated TLS when <c>Silo:Tls</c> is set: each
    /// side presents its certificate, and accepts the other's only when the platform's CA signed it. Peers connect
    /// by address from the membership table, so the CA's signature, not a host name, is what admits a peer.
    /// </summary>
    public static ISiloBuilder UseOrleansTlsIfConfigured(this ISiloBuilder silo, SiloHostOptions options)
    {
        if (!options.Tls.Enabled)
        {
            return silo;
        }

        var authority = options.Tls.LoadCa();
        return silo.UseTls(options.Tls.LoadCertificate(), tls =>
        {
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.RemoteCertificateValidation = (certificate, chain, _) => authority.Trusts(certificate, chain?.ChainPolicy.ExtraStore);
        });
    }
}
