using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Security;

/// <summary>
/// Signs caller tokens. Production tokens come from the agencies' identity provider, development ones from tools/Dua.DevIdentity;
/// this is for benchmarks, installations with configured keys and tests, which also mint deliberately bad tokens
/// (expired, wrong issuer, other key).
/// </summary>
public sealed class TokenMinter(SecurityKey signingKey, string issuer, string audience, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Mint(Caller caller, TimeSpan lifetime, TimeSpan? validFromOffset = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = _clock.GetUtcNow().UtcDateTime;
        var notBefore = now + (validFromOffset ?? TimeSpan.Zero);
        var claims = new Dictionary<string, object>
        {
            [DuaClaimTypes.Subject] = caller.Subject,
            [DuaClaimTypes.Organisation] = caller.Organisation,
            [DuaClaimTypes.Role] = caller.Role,
            [DuaClaimTypes.Area] = caller.Areas.Select(a => a.Code).ToArray(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = notBefore + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, TokenSigningKeys.Algorithm),
        });
    }
}
