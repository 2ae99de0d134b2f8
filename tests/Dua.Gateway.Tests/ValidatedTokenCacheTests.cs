using Dua.Gateway.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dua.Gateway.Tests;

public sealed class ValidatedTokenCacheTests
{
    [Fact]
    public void A_token_is_remembered_until_its_expiry_plus_the_clock_skew_and_not_a_moment_longer()
    {
        var clock = new FakeTimeProvider();
        using var cache = Cache(clock, new GatewayAuthenticationOptions { ClockSkew = TimeSpan.FromSeconds(30) });
        var expiry = clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds();

        cache.Add("token", TestTokens.Operations, expiry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        clock.Advance(TimeSpan.FromSeconds(89));
        var justBefore = cache.TryGet("token", out var caller);
        clock.Advance(TimeSpan.FromSeconds(1));
        var atTheEnd = cache.TryGet("token", out _);

        Assert.True(justBefore);
        Assert.Same(TestTokens.Operations, caller);
        Assert.False(atTheEnd);
        Assert.False(cache.TryGet("another token", out _));
    }

    [Fact]
    public void A_token_without_an_expiry_or_already_past_it_is_not_remembered()
    {
        var clock = new FakeTimeProvider();
        using var cache = Cache(clock, new GatewayAuthenticationOptions());

        cache.Add("no-exp", TestTokens.Operations, null);
        cache.Add("past", TestTokens.Operations, clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(cache.TryGet("no-exp", out _));
        Assert.False(cache.TryGet("past", out _));
    }

    [Fact]
    public void With_size_0_nothing_is_remembered()
    {
        var clock = new FakeTimeProvider();
        using var cache = Cache(clock, new GatewayAuthenticationOptions { ValidatedTokenCacheSize = 0 });

        cache.Add("token", TestTokens.Operations, clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.False(cache.TryGet("token", out _));
    }

    private static ValidatedTokenCache Cache(FakeTimeProvider clock, GatewayAuthenticationOptions options) =>
        new(Options.Create(options), clock);
}
