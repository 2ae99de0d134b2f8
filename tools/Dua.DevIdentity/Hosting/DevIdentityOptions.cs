using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.RegularExpressions;
using Dua.DevIdentity.Callers;

namespace Dua.DevIdentity.Hosting;

/// <summary>
/// The development identity provider's settings, bound from <c>DevIdentity</c>. Secrets come from the environment
/// (<c>DevIdentity__WebClientSecret</c>, <c>DevIdentity__DevTokensClientSecret</c>), never from the repository.
/// </summary>
public sealed partial class DevIdentityOptions : IValidatableObject
{
    public const string SectionName = "DevIdentity";

    /// <summary>Where the provider listens; its issuer is this address with a trailing slash.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5400";

    /// <summary>The web app's base address: its redirect URIs are <c>{WebAppUrl}/signin-oidc</c> and <c>/signout-callback-oidc</c>.</summary>
    public string WebAppUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The secret of the web app's client (<c>dua-web</c>).</summary>
    public string WebClientSecret { get; set; } = "";

    /// <summary>The secret of the development client that asks for any role and areas (<c>dua-dev-tokens</c>, deploy/token.sh).</summary>
    public string DevTokensClientSecret { get; set; } = "";

    /// <summary>The audience of every access token: the gateway's <c>Gateway:Authentication:Audience</c>.</summary>
    public string Audience { get; set; } = "dua-platform";

    /// <summary>
    /// A folder holding the signing keys (PEM, mode 600), so tokens stay valid across restarts; empty keeps them in
    /// memory only.
    /// </summary>
    public string KeyDirectory { get; set; } = "";

    /// <summary>How long a person's access token is valid; the web app refreshes it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan PersonAccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a system's (client credentials) access token is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SystemAccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a person's refresh token is valid: their working day.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>The people on the sign-in page.</summary>
    public List<DevIdentityUser> Users { get; set; } = [];

    /// <summary>The issuer: the base address with a trailing slash.</summary>
    public Uri Issuer => new(Url.TrimEnd('/') + "/");

    public Uri WebAppBase => new(WebAppUrl.TrimEnd('/') + "/");

    public DevIdentityUser? FindUser(string? id) => Users.Find(u => string.Equals(u.Id, id, StringComparison.Ordinal));

    public DevIdentityUser? FindUserBySubject(string? subject) => Users.Find(u => string.Equals(u.Subject, subject, StringComparison.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in AddressProblems(Url, $"{SectionName}:Url", listens: true)
                     .Concat(AddressProblems(WebAppUrl, $"{SectionName}:WebAppUrl", listens: false)))
        {
            yield return new ValidationResult(problem, [nameof(Url)]);
        }

        foreach (var (value, name) in new[] { (WebClientSecret, nameof(WebClientSecret)), (DevTokensClientSecret, nameof(DevTokensClientSecret)) })
        {
            if (value.Length < MinimumSecretLength)
            {
                yield return new ValidationResult(
                    $"{SectionName}:{name} must be set to a secret of at least {MinimumSecretLength} characters (deploy/run.sh makes one in .run/keys/).",
                    [name]);
            }
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult($"{SectionName}:Audience must name the gateway's audience (dua-platform).", [nameof(Audience)]);
        }

        if (Users.Count == 0)
        {
            yield return new ValidationResult($"{SectionName}:Users must list at least one user for the sign-in page.", [nameof(Users)]);
        }

        for (var i = 0; i < Users.Count; i++)
        {
            foreach (var problem in UserProblems(Users[i], $"{SectionName}:Users:{i}"))
            {
                yield return new ValidationResult(problem, [nameof(Users)]);
            }
        }

        foreach (var duplicate in Users.GroupBy(u => u.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{SectionName}:Users: the id '{duplicate.Key}' is used by more than one user.", [nameof(Users)]);
        }

        foreach (var duplicate in Users.GroupBy(u => u.Subject, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{SectionName}:Users: the subject '{duplicate.Key}' is used by more than one user.", [nameof(Users)]);
        }
    }

    private const int MinimumSecretLength = 16;

    // Plain HTTP carries tokens and secrets in the clear: only on this machine's loopback interface.
    private static IEnumerable<string> AddressProblems(string value, string setting, bool listens)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || uri.AbsolutePath != "/")
        {
            yield return $"{setting} '{value}' is not an http(s) base address such as http://127.0.0.1:5400.";
            yield break;
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            yield return $"{setting} '{value}' uses plain HTTP on a non-loopback address; use https (with a Kestrel certificate) or a loopback address.";
        }

        if (listens && uri.Port == 0)
        {
            yield return $"{setting} '{value}' needs a port.";
        }
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    private static IEnumerable<string> UserProblems(DevIdentityUser user, string setting)
    {
        if (!UserIdPattern().IsMatch(user.Id))
        {
            yield return $"{setting}:Id '{user.Id}' must be lower-case letters, digits and hyphens.";
        }

        if (string.IsNullOrWhiteSpace(user.Name))
        {
            yield return $"{setting}:Name must be set.";
        }

        if (string.IsNullOrWhiteSpace(user.Subject))
        {
            yield return $"{setting}:Subject must be set.";
        }

        if (string.IsNullOrWhiteSpace(user.Organisation))
        {
            yield return $"{setting}:Organisation must be set.";
        }

        if (!RequestedCaller.TryCreate(user.Role, user.Areas, out _, out var problem))
        {
            yield return $"{setting}: {problem}";
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex UserIdPattern();
}
