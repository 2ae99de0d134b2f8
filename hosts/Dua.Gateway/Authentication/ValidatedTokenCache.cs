using System.Globalization;
using Dua.Gateway.Caching;
using Dua.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Authentication;

/// <summary>
/// Tokens the gate has already validated, with the caller each names, until the moment the validator itself would stop
/// accepting them (expiry plus the allowed clock skew). Checking an ES256 signature costs several times what forwarding
/// a call does, and a client sends the same token on every call. Only a byte-identical token matches, and issuer and
/// audience are fixed for the life of the process, so a hit means the same verdict. Keys can change (an identity
/// provider publishes a new one, withdraws an old one): a token already validated stays accepted until its expiry, as
/// it would at any resource server that checked it once; tokens are short-lived for that reason.
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    /// <summary>DI key of the clock entries expire by.</summary>
    public const string ClockKey = "Dua.Gateway.ValidatedTokens";

    private readonly MemoryCache? _callers;
    private readonly TimeSpan _clockSkew;
    private readonly TimeProvider _clock;

    public ValidatedTokenCache(IOptions<GatewayAuthenticationOptions> options, [FromKeyedServices(ClockKey)] TimeProvider clock)
    {
        _clockSkew = options.Value.ClockSkew;
        _clock = clock;
        if (options.Value.ValidatedTokenCacheSize > 0)
        {
            _callers = new MemoryCache(new MemoryCacheOptions
            {
                SizeLimit = options.Value.ValidatedTokenCacheSize,
                Clock = new TimeProviderClock(clock),
                ExpirationScanFrequency = TimeSpan.FromSeconds(30),
            });
        }
    }

    public bool TryGet(string token, out Caller caller)
    {
        caller = null!;
        return _callers is not null && _callers.TryGetValue(token, out caller!);
    }

    /// <summary>Remembers a token that passed validation; <paramref name="expiresAt"/> is its <c>exp</c> claim.</summary>
    public void Add(string token, Caller caller, string? expiresAt)
    {
        if (_callers is null || !long.TryParse(expiresAt, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var until = DateTimeOffset.FromUnixTimeSeconds(seconds) + _clockSkew;
        if (until > _clock.GetUtcNow())
        {
            _callers.Set(token, caller, new MemoryCacheEntryOptions { AbsoluteExpiration = until, Size = 1 });
        }
    }

    public void Dispose() => _callers?.Dispose();
}
