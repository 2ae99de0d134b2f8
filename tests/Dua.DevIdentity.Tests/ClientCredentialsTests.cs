using System.Net;
using System.Text.Json;
using Dua.Security;

namespace Dua.DevIdentity.Tests;

/// <summary>Systems: the client-credentials grant of the development client, with the role and areas it asks for, checked.</summary>
public sealed class ClientCredentialsTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private readonly Testing.DevIdentityServer _provider = fixture.Server;

    [Fact]
    public async Task The_development_client_gets_an_hour_long_platform_token_for_the_role_and_areas_it_asks_for()
    {
        var (claims, token) = await IssuedTokens.ValidateAsync(_provider, await _provider.TokenForAsync(Roles.Agency, ["2184", "21"]));

        Assert.Equal("ES256", token.Alg);
        Assert.Equal("dev-agency-2184-21", claims.FindFirst(DuaClaimTypes.Subject)?.Value);
        Assert.Equal("Arbetsförmedlingen", claims.FindFirst(DuaClaimTypes.Organisation)?.Value);
        Assert.Equal([Roles.Agency], claims.Values(DuaClaimTypes.Role));
        Assert.Equal(["21", "2184"], claims.Values(DuaClaimTypes.Area));
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task A_subject_and_organisation_can_be_named_for_tests_and_tools()
    {
        var (claims, _) = await IssuedTokens.ValidateAsync(_provider,
            await _provider.TokenForAsync(Roles.Operations, ["SE"], subject: "ops-tool", organisation: "Dua drift Ö"));

        Assert.Equal(("ops-tool", "Dua drift Ö"), (claims.FindFirst(DuaClaimTypes.Subject)?.Value, claims.FindFirst(DuaClaimTypes.Organisation)?.Value));
    }

    public static TheoryData<string, string[], string> Refused => new()
    {
        { "admin", ["SE"], "role 'admin'" },
        { Roles.RegionalOffice, [], "at least one area" },
        { Roles.Agency, ["2199"], "area '2199'" },
        { Roles.Agency, ["02"], "area '02'" },
        { Roles.Agency, ["se"], "area 'se'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_role_or_area_that_does_not_exist_is_refused_naming_it(string role, string[] areas, string named)
    {
        using var response = await _provider.RequestTokenAsync(role, areas);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains(named, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Only_the_development_client_may_use_client_credentials_and_only_with_its_secret()
    {
        using var web = await _provider.RequestTokenAsync(Roles.Agency, ["SE"], clientId: Testing.DevIdentityServer.WebClientId, secret: _provider.WebClientSecret);
        using var wrongSecret = await _provider.RequestTokenAsync(Roles.Agency, ["SE"], secret: "not-the-secret-at-all");

        Assert.Equal("unauthorized_client", JsonDocument.Parse(await web.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", JsonDocument.Parse(await wrongSecret.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_names_the_issuer_the_endpoints_and_ES256_and_only_S256_for_PKCE()
    {
        using var http = new HttpClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(_provider.BaseAddress, ".well-known/openid-configuration"))).RootElement;

        Assert.Equal(_provider.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{_provider.Issuer}connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ES256"], discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        var key = Assert.Single((await IssuedTokens.KeySetAsync(_provider)).Keys);
        Assert.Equal(("EC", "P-256", "ES256"), (key.Kty, key.Crv, key.Alg));
        Assert.False(key.HasPrivateKey);
    }
}
