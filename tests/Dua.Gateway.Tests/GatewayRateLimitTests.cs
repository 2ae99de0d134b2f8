using Dua.Gateway.Caching;
using Dua.Gateway.Discovery;
using Dua.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Dua.Gateway.Tests;

/// <summary>Per-caller token buckets at the gateway, with real backends and real clocks.</summary>
public sealed class GatewayRateLimitTests(ITestOutputHelper output)
{
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";
    private const string RegionSummary = "/dua.v1.StatisticsService/GetRegionSummary";

    [Fact]
    public async Task One_caller_past_its_limit_gets_RESOURCE_EXHAUSTED_while_another_is_unaffected()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "5",
            ["Gateway:RateLimit:Burst"] = "10",
        }).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var hammerToken = TestTokens.For(TestTokens.Agency("hammer"));
        var quietToken = TestTokens.For(TestTokens.Agency("quiet"));

        // The hammer sends 100 calls at once while the quiet caller sends 8, one after another, at the same time.
        var hammer = Task.WhenAll(Enumerable.Range(0, 100).Select(_ => RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, hammerToken)));
        var quiet = new List<RawGrpcAnswer>();
        for (var i = 0; i < 8; i++)
        {
            quiet.Add(await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, quietToken));
        }

        var hammered = await hammer;
        var refused = hammered.Where(answer => answer.GrpcStatus == "8").ToList();
        output.WriteLine($"hammer: {hammered.Length - refused.Count} served, {refused.Count} refused; quiet: {quiet.Count(a => a.GrpcStatus == "0")} served");

        Assert.All(quiet, answer => Assert.Equal("0", answer.GrpcStatus));
        // At most the burst plus what refilled while the calls arrived (5/s) got through.
        Assert.InRange(hammered.Length - refused.Count, 10, 30);
        Assert.All(hammered, answer => Assert.Contains(answer.GrpcStatus, new[] { "0", "8" }));
        Assert.All(refused, answer => Assert.Contains("rate limit", answer.GrpcMessage, StringComparison.Ordinal));
        Assert.Equal(hammered.Length - refused.Count + quiet.Count, silo.Calls.Count);
    }

    [Fact]
    public async Task Answers_from_the_cache_count_against_the_limit()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "3",
            ["Gateway:ResponseCache:Enabled"] = "true",
        }, services => services.AddKeyedSingleton<TimeProvider>(GrpcResponseCache.ClockKey, new FakeTimeProvider())).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = TestTokens.For(TestTokens.RegionalOffice("office", "21"));

        var answers = new List<RawGrpcAnswer>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await RawGrpcCall.SendAsync(http, gateway.Address, RegionSummary, token));
        }

        Assert.Single(silo.Calls);
        Assert.Equal("0", answers[0].GrpcStatus);
        Assert.Equal("0", answers[1].GrpcStatus);
        // From the cache either way: stored ("hit"), or, when the first call's answer reached the client before its
        // flight was closed, joined to that flight ("shared"); the single silo call above is what counts.
        Assert.Contains(answers[1].Fields[ResponseCacheHeader.Name], new[] { ResponseCacheHeader.Hit, ResponseCacheHeader.Shared });
        Assert.Contains(answers, answer => answer.GrpcStatus == "8");
    }

    [Fact]
    public async Task Refused_tokens_do_not_use_up_a_callers_bucket()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitsPerSecond"] = "1",
            ["Gateway:RateLimit:Burst"] = "2",
        }).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var caller = TestTokens.Agency("victim");
        var forged = new TokenMinter(TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()), TestTokens.Issuer, TestTokens.Audience)
            .Mint(caller, TimeSpan.FromMinutes(5));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("16", (await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, forged)).GrpcStatus);
        }

        var genuine = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, TestTokens.For(caller));

        Assert.Equal("0", genuine.GrpcStatus);
    }
}
