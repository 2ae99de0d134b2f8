using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Authentication;

/// <summary>Why a token was refused, in words a caller can act on. Never repeats the token or the key.</summary>
public static class TokenFailure
{
    public const string Missing = "missing bearer token (send 'authorization: Bearer <token>')";

    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidLifetimeException => "the token's lifetime is invalid",
        // Includes the signing key not being found: a token signed with a key the gateway does not trust.
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the token's audience is not accepted",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted (ES256 only)",
        SecurityTokenMalformedException => "the token is malformed",
        // JwtBearer could not read the identity provider's metadata or keys (IdentityModel's IDX20803).
        InvalidOperationException => IdentityProviderMetadata.Unavailable,
        _ => "the token is invalid",
    };
}
