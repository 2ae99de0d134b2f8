using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dua.DevIdentity.Callers;

/// <summary>The scopes the provider knows.</summary>
public static class DevIdentityScopes
{
    /// <summary>Access to the platform's API: the access token's audience is the gateway's.</summary>
    public const string Dua = "dua";

    public static IReadOnlyList<string> All { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, Dua];
}
