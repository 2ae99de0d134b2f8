using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dua.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Dua.DevIdentity.Tests;

/// <summary>
/// What a browser and the web app do in the authorization-code flow with PKCE, by hand over HTTP: a cookie jar, no
/// automatic redirects (each step is checked), the sign-in page's form posted as a person's click would post it.
/// </summary>
internal sealed partial class BrowserSession : IDisposable
{
    public const string Scopes = "openid profile offline_access dua";

    private readonly DevIdentityServer _provider;
    private readonly HttpClient _browser;

    public BrowserSession(DevIdentityServer provider)
    {
        _provider = provider;
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = provider.BaseAddress,
        };
    }

    public string RedirectUri => $"{_provider.WebAppUrl}/signin-oidc";

    public string CodeVerifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string CodeChallenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public HttpClient Browser => _browser;

    /// <summary>The authorization request the web app sends the browser to.</summary>
    public string AuthorizeUrl(string? prompt = null, string? codeChallenge = null, string? redirectUri = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = DevIdentityServer.WebClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["scope"] = Scopes,
            ["state"] = "state-123",
            ["nonce"] = "nonce-456",
            ["code_challenge"] = codeChallenge ?? CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        if (prompt is not null)
        {
            parameters["prompt"] = prompt;
        }

        return QueryHelpers.AddQueryString("connect/authorize", parameters.Where(p => p.Value is not null && p.Value.Length > 0));
    }

    /// <summary>Follows the flow from the authorization request to the code, picking the user on the sign-in page.</summary>
    public async Task<string> SignInAsync(string userId)
    {
        var toSignIn = await _browser.GetAsync(AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/account/sign-in?", toSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = await _browser.GetStringAsync(toSignIn.Headers.Location);
        var back = await PickAsync(page, userId);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        var toClient = await _browser.GetAsync(back.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toClient.StatusCode);
        var callback = toClient.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", callback.OriginalString, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-123", query["state"].ToString());
        Assert.Equal(_provider.Issuer, query["iss"].ToString());
        return query["code"].ToString();
    }

    /// <summary>Posts the sign-in page's form as clicking the user's button would.</summary>
    public Task<HttpResponseMessage> PickAsync(string page, string userId, bool withAntiforgery = true)
    {
        var fields = HiddenFields(page);
        if (!withAntiforgery)
        {
            fields.Remove("__RequestVerificationToken");
        }

        fields["user"] = userId;
        return _browser.PostAsync(FormAction(page), new FormUrlEncodedContent(fields));
    }

    /// <summary>The web app's back-channel call: the code (or a refresh token) for tokens, with the client's secret.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(IEnumerable<KeyValuePair<string, string>> form, string? secret = null)
    {
        using var web = new HttpClient { BaseAddress = _provider.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DevIdentityServer.WebClientId}:{secret ?? _provider.WebClientSecret}")));
        using var response = await web.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemCodeAsync(string code, string? verifier = null) => RedeemAsync(
    [
        new("grant_type", "authorization_code"),
        new("code", code),
        new("redirect_uri", RedirectUri),
        new("code_verifier", verifier ?? CodeVerifier),
    ]);

    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static string FormAction(string page) => WebUtility.HtmlDecode(Action().Match(page).Groups["action"].Value);

    public void Dispose() => _browser.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\">")]
    private static partial Regex Action();
}
