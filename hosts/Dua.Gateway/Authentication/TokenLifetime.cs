using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Authentication;

/// <summary>
/// A token's lifetime judged by the gateway's clock, the one <see cref="ValidatedTokenCache"/> expires tokens by, so
/// that one clock decides. IdentityModel's own check reads the system time and takes no clock. It refuses as that check
/// does, with the same exceptions, which <see cref="TokenFailure"/> words for the caller.
/// </summary>
public static class TokenLifetime
{
    public static LifetimeValidator Validator(TimeProvider clock) => (notBefore, expires, _, parameters) =>
    {
        if (expires is null && parameters.RequireExpirationTime)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore > expires)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's not-before time is after its expiration time.")
            {
                NotBefore = notBefore,
                Expires = expires,
            };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (notBefore > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = notBefore.Value };
        }

        if (expires < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    };
}
