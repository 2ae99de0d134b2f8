using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Dua.Web.Hosting;

/// <summary>
/// Where the web app listens and which gateway it calls. Bound from the <c>Web</c> section; every key can be set by
/// environment variable (<c>Web__Port=5080</c>, <c>Web__GatewayAddress=http://127.0.0.1:5000</c>).
/// </summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    /// <summary>Loopback unless deliberately opened; off loopback only with a certificate (HTTPS).</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 5080;

    /// <summary>The gateway's public dua.v1 gRPC endpoint; the only part of the platform the web app calls.</summary>
    public string? GatewayAddress { get; set; }

    /// <summary>PEM certificate and key files for HTTPS; required when listening off loopback.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificateKeyPath { get; set; }

    /// <summary>How long an unavailable page waits before it fetches its figures again by itself.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesHttps => !string.IsNullOrWhiteSpace(CertificatePath);

    public IPAddress GetListenIPAddress() => IPAddress.Parse(ListenAddress);

    public Uri GetGatewayUri() => new(GatewayAddress!, UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out var address))
        {
            yield return new ValidationResult($"Web:ListenAddress '{ListenAddress}' is not an IP address.", [nameof(ListenAddress)]);
        }
        else if (!IPAddress.IsLoopback(address) && !UsesHttps)
        {
            yield return new ValidationResult(
                $"Web:ListenAddress {ListenAddress} is not loopback: set Web:CertificatePath and Web:CertificateKeyPath (PEM) to serve HTTPS; sign-in cookies never cross a network in clear text.",
                [nameof(CertificatePath)]);
        }

        if (UsesHttps != !string.IsNullOrWhiteSpace(CertificateKeyPath))
        {
            yield return new ValidationResult("Web:CertificatePath and Web:CertificateKeyPath go together: give both PEM files, or neither.", [nameof(CertificateKeyPath)]);
        }

        foreach (var path in new[] { CertificatePath, CertificateKeyPath }.Where(p => !string.IsNullOrWhiteSpace(p) && !File.Exists(p)))
        {
            yield return new ValidationResult($"Web:CertificatePath/CertificateKeyPath: the file '{path}' does not exist.", [nameof(CertificatePath)]);
        }

        if (SecureAddress.Check("Web:GatewayAddress (env Web__GatewayAddress)", GatewayAddress) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(GatewayAddress)]);
        }
    }
}
