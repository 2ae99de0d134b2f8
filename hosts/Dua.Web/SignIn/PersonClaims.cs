using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dua.Web.SignIn;

/// <summary>
/// The claims the web app keeps of a signed-in person in its cookie: who they are, and the role and areas their
/// access token grants, so pages can say what the person may see. Never a token.
/// </summary>
public static class PersonClaims
{
    public const string Session = "dua_session";
    public const string Name = "name";
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Area = "dua_area";
    public const string Organisation = "org";

    public static string? SessionId(this ClaimsPrincipal person) => person.FindFirst(Session)?.Value;

    public static string DisplayName(this ClaimsPrincipal person) =>
        person.FindFirst(Name)?.Value ?? person.FindFirst(Subject)?.Value ?? "Inloggad";

    public static string? RoleOf(this ClaimsPrincipal person) => person.FindFirst(Role)?.Value;

    public static IReadOnlyList<string> Areas(this ClaimsPrincipal person) =>
        [.. person.FindAll(Area).Select(c => c.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Copies role, areas and organisation from the access token when the identity token does not carry them: the
    /// access token is what the gateway judges by. It came straight from the provider's token endpoint; reading it
    /// here only decides what the pages offer, the gateway still checks every call.
    /// </summary>
    public static void AddGrantsFrom(ClaimsIdentity identity, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            return; // an opaque token: the pages then learn the areas from the gateway's answers
        }

        foreach (var type in new[] { Role, Area, Organisation })
        {
            if (identity.FindFirst(type) is null)
            {
                identity.AddClaims(token.Claims.Where(c => c.Type == type).Select(c => new Claim(type, c.Value)));
            }
        }
    }
}
