using Dua.Gateway.Discovery;
using Dua.Security;
using Dua.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dua.Gateway.Tests;

/// <summary>
/// The gateway trusting an identity provider through its metadata: the development provider runs as its own process,
/// the gateway (with no configured key) reads its discovery document and JWKS over real HTTP on loopback.
/// </summary>
public sealed class GatewayDiscoveryTests
{
    private const string GetRegion = "/dua.v1.RegionService/GetRegion";

    // Written into the provider's key folder before it starts, so the test can sign with the provider's own key what the
    // provider itself would never issue (another audience, an expired token).
    private static readonly string ProviderKeyPem = TokenSigningKeys.CreatePrivateKeyPem();

    [Fact]
    public async Task A_token_from_the_provider_is_accepted_and_names_the_caller_it_asked_for()
    {
        using var provider = await StartProviderAsync();
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = GatewayTrusting(provider, silo).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = await provider.TokenForAsync(Roles.RegionalOffice, ["21"]);

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.True(answer.GrpcStatus == "0", answer.GrpcMessage);
        var passedOn = CallerHeaders.Read(name => Assert.Single(silo.Headers).GetValueOrDefault(name));
        Assert.NotNull(passedOn);
        Assert.Equal(("dev-regional-office-21", "Länsstyrelsen", Roles.RegionalOffice, "21"),
            (passedOn.Subject, passedOn.Organisation, passedOn.Role, passedOn.AreaList));
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "unknown key", "signature" },
        { "other audience", "audience" },
        { "expired", "expired" },
        { "other issuer", "issuer" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_the_provider_did_not_issue_for_the_platform_is_UNAUTHENTICATED(string kind, string reason)
    {
        using var provider = await StartProviderAsync();
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = GatewayTrusting(provider, silo).Start();
        using var http = GatewayFactory.CreateH2cClient();
        // The gateway has read the provider's metadata, and accepts the provider's own tokens.
        Assert.Equal("0", (await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, await provider.TokenForAsync(Roles.Agency, ["SE"]))).GrpcStatus);
        var providerKey = TokenSigningKeys.FromPem(ProviderKeyPem);
        var caller = TestTokens.Agency("forger", "SE");
        var token = kind switch
        {
            "unknown key" => new TokenMinter(TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()), provider.Issuer, DevIdentityServer.Audience)
                .Mint(caller, TimeSpan.FromMinutes(5)),
            "other audience" => new TokenMinter(providerKey, provider.Issuer, "another-platform").Mint(caller, TimeSpan.FromMinutes(5)),
            "expired" => new TokenMinter(providerKey, provider.Issuer, DevIdentityServer.Audience)
                .Mint(caller, TimeSpan.FromMinutes(5), validFromOffset: TimeSpan.FromMinutes(-10)),
            "other issuer" => new TokenMinter(providerKey, "http://127.0.0.1:1/", DevIdentityServer.Audience).Mint(caller, TimeSpan.FromMinutes(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal("16", answer.GrpcStatus);
        Assert.Contains(reason, answer.GrpcMessage, StringComparison.Ordinal);
        Assert.Single(silo.Calls);
    }

    [Fact]
    public async Task After_the_provider_rotates_its_key_new_tokens_are_accepted_without_restarting_the_gateway()
    {
        using var provider = await StartProviderAsync();
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        await using var gateway = GatewayTrusting(provider, silo).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var before = await provider.TokenForAsync(Roles.Agency, ["2184"]);
        var beforeUnused = await provider.TokenForAsync(Roles.Agency, ["21"]);
        Assert.Equal("0", (await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, before)).GrpcStatus);

        var newKey = await provider.RotateSigningKeyAsync();
        var after = await provider.TokenForAsync(Roles.Agency, ["SE"]);

        Assert.NotEqual(KeyIdOf(before), newKey);
        Assert.Equal(newKey, KeyIdOf(after));
        // The gateway learns the new key from the JWKS when a token names it: the first call may still be refused while
        // it reads the key set again, none after that.
        await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(30), "the gateway accepting a token signed with the new key", async () =>
        {
            var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, after);
            Assert.True(answer.GrpcStatus == "0", answer.GrpcMessage);
        });
        // The previous key stays published until the next rotation: tokens signed with it remain valid.
        var old = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, beforeUnused);
        Assert.True(old.GrpcStatus == "0", old.GrpcMessage);
    }

    [Fact]
    public async Task While_the_provider_cannot_be_reached_calls_are_UNAVAILABLE_saying_why()
    {
        await using var silo = await AnsweringBackend.StartAsync("silo-a");
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}/";
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([silo.Endpoint]), trustTestKey: false, settings: new Dictionary<string, string>
        {
            ["Gateway:Authentication:Authority"] = nowhere,
        }).Start();
        using var http = GatewayFactory.CreateH2cClient();
        var token = new TokenMinter(TokenSigningKeys.FromPem(ProviderKeyPem), nowhere, DevIdentityServer.Audience).Mint(TestTokens.Agency(), TimeSpan.FromMinutes(5));

        var answer = await RawGrpcCall.SendAsync(http, gateway.Address, GetRegion, token);

        Assert.Equal("14", answer.GrpcStatus);
        Assert.Contains("metadata cannot be read", answer.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(silo.Calls);
    }

    private static async Task<DevIdentityServer> StartProviderAsync()
    {
        var keys = Directory.CreateTempSubdirectory("dua-idp-keys-").FullName;
        await File.WriteAllTextAsync(Path.Combine(keys, "signing-00010101T0000000000000.pem"), ProviderKeyPem);
        return await DevIdentityServer.StartAsync(keyDirectory: keys);
    }

    // Only the provider's keys: the gateway trusts no configured key here.
    private static GatewayFactory GatewayTrusting(DevIdentityServer provider, AnsweringBackend silo) =>
        new(new InMemorySiloDirectory([silo.Endpoint]), trustTestKey: false, settings: new Dictionary<string, string>
        {
            ["Gateway:Authentication:Authority"] = provider.Issuer,
            ["Gateway:Authentication:Issuer"] = provider.Issuer,
            ["Gateway:Authentication:Audience"] = DevIdentityServer.Audience,
        });

    private static string KeyIdOf(string token) => new JsonWebToken(token).Kid;
}
