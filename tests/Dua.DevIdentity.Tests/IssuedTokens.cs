using System.Security.Claims;
using Dua.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dua.DevIdentity.Tests;

/// <summary>Checks a token the way a resource server does: against the provider's published keys, issuer and audience.</summary>
internal static class IssuedTokens
{
    public static async Task<JsonWebKeySet> KeySetAsync(DevIdentityServer provider)
    {
        using var http = new HttpClient();
        return new JsonWebKeySet(await http.GetStringAsync(new Uri(provider.BaseAddress, ".well-known/jwks")));
    }

    /// <summary>The validated token's claims; fails the test when the token is not valid for the platform.</summary>
    public static async Task<(ClaimsIdentity Claims, JsonWebToken Token)> ValidateAsync(DevIdentityServer provider, string token, string audience = DevIdentityServer.Audience)
    {
        var keys = await KeySetAsync(provider);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (result.ClaimsIdentity, (JsonWebToken)result.SecurityToken);
    }

    public static string[] Values(this ClaimsIdentity identity, string type) =>
        [.. identity.FindAll(type).Select(c => c.Value).Order(StringComparer.Ordinal)];
}
