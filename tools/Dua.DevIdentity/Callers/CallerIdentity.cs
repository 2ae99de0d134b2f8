using System.Security.Claims;
using Dua.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dua.DevIdentity.Callers;

/// <summary>
/// The identity a token is made from: the claims the platform reads (<c>sub</c>, <c>org</c>, <c>role</c>, one
/// <c>dua_area</c> per area), the person's name, and which of them go into the access token and the identity token.
/// </summary>
public static class CallerIdentity
{
    public const string AuthenticationType = "Dua.DevIdentity";

    public static ClaimsIdentity Create(string subject, string? name, string organisation, string role, IEnumerable<string> areas)
    {
        var identity = new ClaimsIdentity(AuthenticationType, DuaClaimTypes.Subject, DuaClaimTypes.Role);
        identity.AddClaim(DuaClaimTypes.Subject, subject);
        if (!string.IsNullOrEmpty(name))
        {
            identity.AddClaim(Claims.Name, name);
        }

        identity.AddClaim(DuaClaimTypes.Organisation, organisation);
        identity.AddClaim(DuaClaimTypes.Role, role);
        foreach (var area in areas)
        {
            identity.AddClaim(DuaClaimTypes.Area, area);
        }

        return identity;
    }

    /// <summary>
    /// Sets what each claim is for, once the granted scopes are known: the platform's claims go into the access token,
    /// and into the identity token too when the <c>dua</c> scope was granted (the web app shows who is signed in).
    /// </summary>
    public static void SetDestinations(ClaimsIdentity identity)
    {
        var scopes = identity.GetScopes();
        identity.SetDestinations(claim => claim.Type switch
        {
            DuaClaimTypes.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name when scopes.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name => [Destinations.AccessToken],
            DuaClaimTypes.Organisation or DuaClaimTypes.Role or DuaClaimTypes.Area when scopes.Contains(DevIdentityScopes.Dua) =>
                [Destinations.AccessToken, Destinations.IdentityToken],
            DuaClaimTypes.Organisation or DuaClaimTypes.Role or DuaClaimTypes.Area => [Destinations.AccessToken],
            _ => [],
        });
    }
}
