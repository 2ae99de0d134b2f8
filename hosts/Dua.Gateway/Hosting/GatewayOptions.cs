using System.ComponentModel.DataAnnotations;
using System.Net;
using Dua.Gateway.Discovery;
using Dua.ServiceDefaults.Tls;

namespace Dua.Gateway.Hosting;

/// <summary>
/// How the gateway listens and where it learns the live silos. Bound from the <c>Gateway</c> section; every key
/// can be set by environment variable (<c>Gateway__GrpcPort=5000</c>, <c>Gateway__Directory=Static</c>).
/// </summary>
public sealed class GatewayOptions : IValidatableObject
{
    public const string SectionName = "Gateway";

    public const int MinSiloCredentialLength = 32;

    public const string TlsSection = "Gateway:Tls";

    /// <summary>Loopback unless deliberately opened, and off loopback only with TLS: the gateway is the only public entry point.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// TLS: <c>CertificatePath</c>/<c>CertificateKeyPath</c> (PEM) make the public endpoint HTTPS (HTTP/2 by ALPN),
    /// required off loopback; <c>CaPath</c> is the private CA the silos' certificates must chain to when the gateway
    /// calls them over https.
    /// </summary>
    public TlsSettings Tls { get; set; } = new();

    /// <summary>The HTTP/2-only endpoint gRPC clients call: h2c on loopback, TLS when <see cref="Tls"/> has a certificate.</summary>
    [Range(1, 65535)]
    public int GrpcPort { get; set; } = 5000;

    /// <summary>Must equal the silos' <c>Silo:ClusterId</c>: it selects their membership rows.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")]
    public string ClusterId { get; set; } = "dua";

    public SiloDirectoryMode Directory { get; set; } = SiloDirectoryMode.PostgreSql;

    /// <summary>How often the PostgreSQL directory re-reads the live silos; bounds how stale routing can be.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The silos' gRPC endpoints (<c>http://host:port</c>) in <see cref="SiloDirectoryMode.Static"/> mode.</summary>
    public List<string> StaticSilos { get; set; } = [];

    /// <summary>
    /// Runs request processing on Kestrel's socket threads instead of handing every step to the thread pool: fewer
    /// thread switches per forwarded call. Safe here because nothing on the gateway's request path blocks. Pair it with
    /// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c> in the environment (read only from there).
    /// </summary>
    public bool InlineScheduling { get; set; }

    /// <summary>
    /// The internal credential the gateway sends to the silos on every call (header <c>dua-caller-credential</c>); it
    /// must equal the silos' <c>Silo:GatewayCredential</c>. Secret: from the environment, never from the repository.
    /// </summary>
    public string? SiloCredential { get; set; }

    /// <summary>The PostgreSQL connection string (<c>ConnectionStrings:Dua</c>), copied here by the binder.</summary>
    public string? ConnectionString { get; set; }

    // A method, not a property: the data-annotations validator reads every property, and this one throws until validated.
    public IPAddress GetListenIPAddress() => IPAddress.Parse(ListenAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult($"Gateway:ListenAddress '{ListenAddress}' is not an IP address.", [nameof(ListenAddress)]);
        }
        else if (ListenAddresses.PlaintextProblem("Gateway:ListenAddress", ListenAddress, TlsSection) is { } plaintext && !Tls.Enabled)
        {
            yield return new ValidationResult(plaintext, [nameof(ListenAddress)]);
        }

        var httpsSilos = Directory == SiloDirectoryMode.Static && StaticSilos.Any(silo => silo.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        foreach (var problem in Tls.Problems(TlsSection, requireCertificate: false, requireCa: httpsSilos, DateTimeOffset.UtcNow))
        {
            yield return new ValidationResult(problem, [nameof(Tls)]);
        }

        if (SiloCredential is not { Length: >= MinSiloCredentialLength } || string.IsNullOrWhiteSpace(SiloCredential))
        {
            yield return new ValidationResult(
                $"Gateway:SiloCredential (env Gateway__SiloCredential) is required: the silos' shared internal credential, at least {MinSiloCredentialLength} characters.",
                [nameof(SiloCredential)]);
        }

        switch (Directory)
        {
            case SiloDirectoryMode.PostgreSql when string.IsNullOrWhiteSpace(ConnectionString):
                yield return new ValidationResult(
                    "ConnectionStrings:Dua (env ConnectionStrings__Dua) is required when Gateway:Directory is PostgreSql.",
                    [nameof(ConnectionString)]);
                break;
            case SiloDirectoryMode.Static when StaticSilos.Count == 0:
                yield return new ValidationResult(
                    "Gateway:StaticSilos (env Gateway__StaticSilos__0, __1, ...) must list at least one silo gRPC endpoint when Gateway:Directory is Static.",
                    [nameof(StaticSilos)]);
                break;
            case SiloDirectoryMode.Static:
                foreach (var silo in StaticSilos)
                {
                    if (!Uri.TryCreate(silo, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    {
                        yield return new ValidationResult(
                            $"Gateway:StaticSilos entry '{silo}' is not an absolute http:// or https:// URL such as http://127.0.0.1:5101.",
                            [nameof(StaticSilos)]);
                    }
                    else if (!SiloTransport.MayCarryCallers(uri))
                    {
                        yield return new ValidationResult(
                            $"Gateway:StaticSilos entry '{silo}' is plain http to another machine: use https (plain http only on loopback), with Gateway:Tls:CaPath.",
                            [nameof(StaticSilos)]);
                    }
                }
                break;
        }
    }
}
