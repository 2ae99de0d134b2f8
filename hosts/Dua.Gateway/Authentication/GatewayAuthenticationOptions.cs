using System.ComponentModel.DataAnnotations;
using Dua.Security;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Authentication;

/// <summary>
/// How the gateway checks callers' bearer tokens (ES256 JWTs). Bound from <c>Gateway:Authentication</c>. The keys come
/// from an issuer the gateway trusts through its published metadata (<see cref="Authority"/> or
/// <see cref="MetadataAddress"/>: discovery and JWKS, refreshed), or are configured as public keys
/// (<c>Gateway__Authentication__SigningKeyFiles__0=/path/key.pem</c>) for installations without discovery; both at once
/// is allowed.
/// </summary>
public sealed class GatewayAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Authentication";

    /// <summary>
    /// The accepted issuer (<c>iss</c>). Required with configured keys; with <see cref="Authority"/> the issuer its
    /// metadata names is accepted, and this one too (set it to the provider's issuer, or empty, so that only that one is).
    /// </summary>
    public string Issuer { get; set; } = "";

    /// <summary>
    /// The identity provider the gateway trusts, e.g. <c>https://login.example.se/</c>: its discovery document is read from
    /// <c>{Authority}/.well-known/openid-configuration</c>, and its signing keys from the JWKS that document names.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>The discovery document's address, when it is not at the standard place under <see cref="Authority"/>.</summary>
    public string MetadataAddress { get; set; } = "";

    /// <summary>
    /// The least time between two reads of the metadata that a token asked for (one signed with a key the gateway does
    /// not know yet, as after a key rotation): bounds how often unknown keys can make the gateway call the provider.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the metadata and keys are read again anyway.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan MetadataAutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    [Required]
    public string Audience { get; set; } = "";

    /// <summary>Whether keys come from an identity provider's metadata.</summary>
    public bool UsesDiscovery => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);

    /// <summary>The discovery document's address: <see cref="MetadataAddress"/>, or the standard one under <see cref="Authority"/>.</summary>
    public string? DiscoveryDocument => !string.IsNullOrWhiteSpace(MetadataAddress) ? MetadataAddress
        : !string.IsNullOrWhiteSpace(Authority) ? $"{Authority.TrimEnd('/')}/.well-known/openid-configuration"
        : null;

    /// <summary>Plain-HTTP metadata is accepted only from this machine: elsewhere anyone on the path could swap the keys.</summary>
    public bool MetadataOverLoopbackHttp =>
        DiscoveryDocument is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);

    /// <summary>Public keys as PEM text. Several at once while keys are rotated.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Paths of PEM files holding public keys, read at start-up.</summary>
    public List<string> SigningKeyFiles { get; set; } = [];

    /// <summary>Whether gRPC server reflection is served without a token (tools like buf curl list the API with it).</summary>
    public bool OpenReflection { get; set; } = true;

    /// <summary>How far the gateway's clock and the issuer's may disagree on a token's lifetime.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many validated tokens the gate remembers (see <see cref="ValidatedTokenCache"/>); 0 validates every call.</summary>
    [Range(0, 10_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, name) in new[] { (Authority, nameof(Authority)), (MetadataAddress, nameof(MetadataAddress)) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"Gateway:Authentication:{name} '{value}' is not an absolute http(s) address.", [name]);
            }
            else if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                yield return new ValidationResult(
                    $"Gateway:Authentication:{name} '{value}' uses plain HTTP on a non-loopback address; the identity provider's metadata and keys must come over https.",
                    [name]);
            }
        }

        if (!UsesDiscovery && SigningKeys.Count == 0 && SigningKeyFiles.Count == 0)
        {
            yield return new ValidationResult(
                "Gateway:Authentication needs an identity provider or at least one token signing public key: set Gateway__Authentication__Authority to the provider's address (or Gateway__Authentication__MetadataAddress to its discovery document), or Gateway__Authentication__SigningKeyFiles__0 to a PEM file (or Gateway__Authentication__SigningKeys__0 to the PEM text).",
                [nameof(SigningKeys)]);
            yield break;
        }

        if (!UsesDiscovery && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult(
                "Gateway:Authentication:Issuer must name the accepted issuer when keys are configured without Gateway:Authentication:Authority.",
                [nameof(Issuer)]);
        }

        foreach (var problem in LoadKeys(out _))
        {
            yield return new ValidationResult(problem, [nameof(SigningKeys)]);
        }
    }

    /// <summary>The configured keys, parsed; the problems when some cannot be read (a key's own text is never echoed).</summary>
    public IReadOnlyList<string> LoadKeys(out IReadOnlyList<SecurityKey> keys)
    {
        var problems = new List<string>();
        var loaded = new List<SecurityKey>();
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (IsPrivate(SigningKeys[i]))
            {
                problems.Add($"Gateway:Authentication:SigningKeys:{i} is a private key; give the gateway the public key only.");
            }
            else if (TryParse(SigningKeys[i], out var key))
            {
                loaded.Add(key);
            }
            else
            {
                problems.Add($"Gateway:Authentication:SigningKeys:{i} is not a PEM EC public key.");
            }
        }

        foreach (var path in SigningKeyFiles)
        {
            string pem;
            try
            {
                pem = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problems.Add($"Gateway:Authentication:SigningKeyFiles entry '{path}' cannot be read: {e.Message}");
                continue;
            }

            if (IsPrivate(pem))
            {
                problems.Add($"Gateway:Authentication:SigningKeyFiles entry '{path}' holds a private key; give the gateway the public key only.");
            }
            else if (TryParse(pem, out var key))
            {
                loaded.Add(key);
            }
            else
            {
                problems.Add($"Gateway:Authentication:SigningKeyFiles entry '{path}' does not hold a PEM EC public key.");
            }
        }

        keys = loaded;
        return problems;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address);

    // The gateway only verifies: a private key in its configuration is a key that leaked to the wrong place.
    private static bool IsPrivate(string pem) => pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal);

    private static bool TryParse(string pem, out SecurityKey key)
    {
        try
        {
            key = TokenSigningKeys.FromPem(pem);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            key = null!;
            return false;
        }
    }
}
