using System.ComponentModel.DataAnnotations;
using Dua.Web.Hosting;

namespace Dua.Web.SignIn;

/// <summary>
/// The OpenID Connect provider people sign in with, and this app's client registration there. Bound from the
/// <c>SignIn</c> section (<c>SignIn__Authority</c>, <c>SignIn__ClientId</c>, <c>SignIn__ClientSecretFile</c>). In
/// development the authority is tools/Dua.DevIdentity; in production the agencies' own identity provider.
/// </summary>
public sealed class SignInOptions : IValidatableObject
{
    public const string SectionName = "SignIn";

    /// <summary>The issuer; its discovery document is at <c>/.well-known/openid-configuration</c> below it.</summary>
    public string? Authority { get; set; }

    [Required(ErrorMessage = "SignIn:ClientId (env SignIn__ClientId) is required: this app's client id at the provider.")]
    public string? ClientId { get; set; } = "dua-web";

    /// <summary>The client secret; or <see cref="ClientSecretFile"/>, a file holding it (kept out of the environment).</summary>
    public string? ClientSecret { get; set; }

    public string? ClientSecretFile { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>: the platform's API (<c>dua</c>) and a refresh token.</summary>
    public List<string> Scopes { get; set; } = ["profile", "offline_access", "dua"];

    /// <summary>How long a signed-in person stays signed in without using the app.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>An access token this close to expiry is refreshed before it is used.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The secret, read from <see cref="ClientSecretFile"/> when that is set.</summary>
    public string ResolveClientSecret() =>
        !string.IsNullOrWhiteSpace(ClientSecretFile) ? File.ReadAllText(ClientSecretFile).Trim() : ClientSecret!.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SecureAddress.Check("SignIn:Authority (env SignIn__Authority)", Authority) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Authority)]);
        }

        if (!string.IsNullOrWhiteSpace(ClientSecretFile))
        {
            if (!File.Exists(ClientSecretFile) || File.ReadAllText(ClientSecretFile).Trim().Length == 0)
            {
                yield return new ValidationResult($"SignIn:ClientSecretFile '{ClientSecretFile}' does not exist or is empty.", [nameof(ClientSecretFile)]);
            }
        }
        else if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult(
                "SignIn:ClientSecret or SignIn:ClientSecretFile (env SignIn__ClientSecretFile) is required: this app's client secret at the provider.",
                [nameof(ClientSecret)]);
        }
    }
}
