using System.Net;

namespace Dua.DevIdentity.Tests;

/// <summary>The development sign-in page: Swedish, accessible markup, one button per configured user, safe form handling.</summary>
public sealed class SignInPageTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private readonly Testing.DevIdentityServer _provider = fixture.Server;

    [Fact]
    public async Task The_page_is_Swedish_with_a_heading_and_a_named_button_for_every_user()
    {
        using var session = new BrowserSession(_provider);

        var page = await session.Browser.GetStringAsync("account/sign-in?returnUrl=%2F");

        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Logga in</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<main>", page, StringComparison.Ordinal);
        foreach (var (id, name) in new[]
                 {
                     ("regionkontor-gavleborg", "Regionkontor Gävleborg"),
                     ("regionkontor-sodermanland", "Regionkontor Södermanland"),
                     ("handlaggare-hudiksvall", "Handläggare Hudiksvall"),
                     ("arbetsformedlingen-landet", "Arbetsförmedlingen, hela landet"),
                     ("drift", "Drift"),
                 })
        {
            // Encoded as HTML: the test reads it back the way a browser shows it.
            Assert.Contains($"value=\"{id}\" id=\"user-{id}\"", page, StringComparison.Ordinal);
            Assert.Contains($">{name}</button>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_user_that_is_not_listed_is_refused_in_Swedish_and_nobody_is_signed_in()
    {
        using var session = new BrowserSession(_provider);
        var page = await session.Browser.GetStringAsync("account/sign-in?returnUrl=%2F");

        using var response = await session.PickAsync(page, "chef");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Välj en av användarna i listan.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var authorize = await session.Browser.GetAsync(session.AuthorizeUrl());
        Assert.StartsWith("/account/sign-in?", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_pages_antiforgery_token_is_refused()
    {
        using var session = new BrowserSession(_provider);
        var page = await session.Browser.GetStringAsync("account/sign-in?returnUrl=%2F");

        using var response = await session.PickAsync(page, "drift", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task After_signing_in_the_page_only_returns_to_the_provider_itself()
    {
        using var session = new BrowserSession(_provider);
        var page = await session.Browser.GetStringAsync("account/sign-in?returnUrl=" + Uri.EscapeDataString("//evil.example/x"));

        Assert.Equal("/", BrowserSession.HiddenFields(page)["returnUrl"]);
        using var response = await session.PickAsync(page, "drift");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
