using System.ComponentModel.DataAnnotations;
using Dua.Security;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Authentication;

/// <summary>
/// How the gateway checks callers' bearer tokens (ES256 JWTs). Bound from <c>Gateway:Authentication</c>; production keys
/// come from the environment (<c>Gateway__Authentication__SigningKeyFiles__0=/path/key.pem</c>), never from the repository.
/// </summary>
public sealed class GatewayAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Gateway:Authentication";

    [Required]
    public string Issuer { get; set; } = "";

    [Required]
    public string Audience { get; set; } = "";

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
        if (SigningKeys.Count == 0 && SigningKeyFiles.Count == 0)
        {
            yield return new ValidationResult(
                "Gateway:Authentication needs at least one token signing public key: set Gateway__Authentication__SigningKeyFiles__0 to a PEM file (or Gateway__Authentication__SigningKeys__0 to the PEM text).",
                [nameof(SigningKeys)]);
            yield break;
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
