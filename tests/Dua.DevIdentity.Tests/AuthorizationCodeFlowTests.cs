using System.Net;
using System.Text.Json;
using Dua.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dua.DevIdentity.Tests;

/// <summary>People: the authorization-code flow with PKCE, end to end over HTTP, as the web app and a browser run it.</summary>
public sealed class AuthorizationCodeFlowTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private readonly Testing.DevIdentityServer _provider = fixture.Server;

    [Fact]
    public async Task A_person_picked_on_the_sign_in_page_gets_tokens_naming_their_role_and_county()
    {
        using var session = new BrowserSession(_provider);
        var code = await session.SignInAsync("regionkontor-gavleborg");

        var (status, body) = await session.RedeemCodeAsync(code);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var (access, token) = await IssuedTokens.ValidateAsync(_provider, body.GetProperty("access_token").GetString()!);
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("dev-person-regionkontor-21", access.FindFirst(DuaClaimTypes.Subject)?.Value);
        Assert.Equal("Regionkontor Gävleborg", access.FindFirst(DuaClaimTypes.Organisation)?.Value);
        Assert.Equal([Roles.RegionalOffice], access.Values(DuaClaimTypes.Role));
        Assert.Equal(["21"], access.Values(DuaClaimTypes.Area));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
        Assert.True(Caller.TryFromClaims(new System.Security.Claims.ClaimsPrincipal(access), out var caller, out var problem), problem);
        Assert.True(caller!.CoversCounty("21") && !caller.CoversCounty("04"));

        // The web app's identity token: for the web client, with the person's name and the platform's claims.
        var (identity, _) = await IssuedTokens.ValidateAsync(_provider, body.GetProperty("id_token").GetString()!, audience: Testing.DevIdentityServer.WebClientId);
        Assert.Equal("Regionkontor Gävleborg", identity.FindFirst("name")?.Value);
        Assert.Equal("nonce-456", identity.FindFirst("nonce")?.Value);
        Assert.Equal(["21"], identity.Values(DuaClaimTypes.Area));
        Assert.True(body.TryGetProperty("refresh_token", out _), "no refresh token for offline_access");
    }

    [Fact]
    public async Task The_userinfo_endpoint_answers_who_the_access_token_is_for()
    {
        using var session = new BrowserSession(_provider);
        var (_, tokens) = await session.RedeemCodeAsync(await session.SignInAsync("regionkontor-gavleborg"));
        using var http = new HttpClient { BaseAddress = _provider.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());

        var info = JsonDocument.Parse(await http.GetStringAsync("connect/userinfo")).RootElement;

        Assert.Equal("dev-person-regionkontor-21", info.GetProperty("sub").GetString());
        Assert.Equal("Regionkontor Gävleborg", info.GetProperty("name").GetString());
        Assert.Equal(Roles.RegionalOffice, info.GetProperty("role").GetString());
        Assert.Equal(["21"], info.GetProperty("dua_area").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_for_the_same_person()
    {
        using var session = new BrowserSession(_provider);
        var (_, first) = await session.RedeemCodeAsync(await session.SignInAsync("handlaggare-hudiksvall"));

        var (status, refreshed) = await session.RedeemAsync(
        [
            new("grant_type", "refresh_token"),
            new("refresh_token", first.GetProperty("refresh_token").GetString()!),
        ]);

        Assert.True(status == HttpStatusCode.OK, refreshed.ToString());
        var newToken = refreshed.GetProperty("access_token").GetString()!;
        Assert.NotEqual(first.GetProperty("access_token").GetString(), newToken);
        var (access, _) = await IssuedTokens.ValidateAsync(_provider, newToken);
        Assert.Equal(("dev-person-handlaggare-2184", Roles.Agency), (access.FindFirst(DuaClaimTypes.Subject)?.Value, access.FindFirst(DuaClaimTypes.Role)?.Value));
        Assert.Equal(["2184"], access.Values(DuaClaimTypes.Area));
    }

    [Fact]
    public async Task A_code_is_refused_without_the_matching_verifier_and_is_redeemed_only_once()
    {
        using var session = new BrowserSession(_provider);
        var code = await session.SignInAsync("drift");

        // Someone who caught the code but not the verifier gets nothing.
        var (wrongStatus, wrong) = await session.RedeemCodeAsync(code, verifier: new BrowserSession(_provider).CodeVerifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Equal("invalid_grant", wrong.GetProperty("error").GetString());

        var (status, tokens) = await session.RedeemCodeAsync(code);
        Assert.True(status == HttpStatusCode.OK, tokens.ToString());
        var (againStatus, again) = await session.RedeemCodeAsync(code);
        Assert.Equal(HttpStatusCode.BadRequest, againStatus);
        Assert.Equal("invalid_grant", again.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_authorization_request_without_PKCE_or_with_another_redirect_is_refused()
    {
        using var session = new BrowserSession(_provider);

        using var withoutPkce = await session.Browser.GetAsync(session.AuthorizeUrl(codeChallenge: ""));
        // Refused at once: no sign-in page, no code.
        Assert.Equal(HttpStatusCode.BadRequest, withoutPkce.StatusCode);
        Assert.Null(withoutPkce.Headers.Location);

        using var elsewhere = await session.Browser.GetAsync(session.AuthorizeUrl(redirectUri: "http://127.0.0.1:1/signin-oidc"));
        // Never redirected to an address the client did not register.
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);
    }

    [Fact]
    public async Task Signing_out_ends_the_providers_session_and_returns_to_the_web_app()
    {
        using var session = new BrowserSession(_provider);
        var (_, tokens) = await session.RedeemCodeAsync(await session.SignInAsync("regionkontor-sodermanland"));
        // Signed in: a second authorization goes straight back to the web app.
        using var straight = await session.Browser.GetAsync(session.AuthorizeUrl());
        Assert.StartsWith(session.RedirectUri, straight.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var postLogout = $"{_provider.WebAppUrl}/signout-callback-oidc";
        using var signedOut = await session.Browser.GetAsync(QueryHelpers.AddQueryString("connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString(),
            ["post_logout_redirect_uri"] = postLogout,
            ["state"] = "bye",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith(postLogout, signedOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var again = await session.Browser.GetAsync(session.AuthorizeUrl());
        Assert.StartsWith("/account/sign-in?", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_login_shows_the_sign_in_page_again_and_prompt_none_without_a_session_says_login_required()
    {
        using var session = new BrowserSession(_provider);
        using var none = await session.Browser.GetAsync(session.AuthorizeUrl(prompt: "none"));
        Assert.Equal("login_required", QueryHelpers.ParseQuery(none.Headers.Location!.Query)["error"].ToString());

        await session.SignInAsync("drift");
        using var login = await session.Browser.GetAsync(session.AuthorizeUrl(prompt: "login"));
        var signIn = login.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in?", signIn, StringComparison.Ordinal);
        // Back from the page, the request no longer asks for a new sign-in, or the person would go round in circles.
        var returnUrl = QueryHelpers.ParseQuery(new Uri(_provider.BaseAddress, signIn).Query)["returnUrl"].ToString();
        Assert.DoesNotContain("prompt", returnUrl, StringComparison.Ordinal);
        Assert.Contains("code_challenge", returnUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_token_of_the_web_client_carries_exactly_one_role()
    {
        using var session = new BrowserSession(_provider);
        var (_, body) = await session.RedeemCodeAsync(await session.SignInAsync("arbetsformedlingen-landet"));

        var token = new JsonWebToken(body.GetProperty("access_token").GetString()!);

        Assert.Equal(JsonValueKind.String, JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement.GetProperty("role").ValueKind);
        Assert.Equal(Roles.Agency, token.GetClaim(DuaClaimTypes.Role).Value);
        Assert.Equal("SE", token.GetClaim(DuaClaimTypes.Area).Value);
        Assert.Equal("dua-platform", Assert.Single(token.Audiences));
    }
}
