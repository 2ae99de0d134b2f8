using System.ComponentModel.DataAnnotations;
using Dua.Web.Hosting;
using Dua.Web.SignIn;

namespace Dua.Web.Tests;

/// <summary>Bad settings stop the start with a message naming the setting; nothing secret goes out in clear text.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", null)]
    [InlineData("http://localhost:5000", null)]
    [InlineData("https://gateway.example.se", null)]
    [InlineData("http://10.0.0.5:5000", "plain http to another machine")]
    [InlineData("gateway:5000", "not an absolute http(s) URL")]
    [InlineData("", "is required")]
    public void Addresses_that_carry_tokens_use_https_off_loopback(string address, string? problem)
    {
        var found = SecureAddress.Check("Web:GatewayAddress", address);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
            Assert.StartsWith("Web:GatewayAddress", found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_web_app_refuses_plain_http_off_loopback_naming_the_setting()
    {
        var errors = Validate(new WebOptions { ListenAddress = "0.0.0.0", GatewayAddress = "http://127.0.0.1:5000" });
        Assert.Contains(errors, e => e.Contains("Web:ListenAddress 0.0.0.0 is not loopback", StringComparison.Ordinal));
        Assert.Empty(Validate(new WebOptions { GatewayAddress = "http://127.0.0.1:5000" }));
    }

    [Fact]
    public void Sign_in_needs_an_authority_and_a_client_secret()
    {
        var errors = Validate(new SignInOptions { Authority = null, ClientId = "dua-web" });
        Assert.Contains(errors, e => e.StartsWith("SignIn:Authority", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("SignIn:ClientSecret or SignIn:ClientSecretFile", StringComparison.Ordinal));
        Assert.Empty(Validate(new SignInOptions { Authority = "http://127.0.0.1:5400/", ClientId = "dua-web", ClientSecret = "s3cret-s3cret-s3cret" }));
        Assert.Contains(Validate(new SignInOptions { Authority = "http://idp.example.se/", ClientSecret = "x" }), e => e.Contains("plain http", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/lan/21", "/lan/21")]
    [InlineData("/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void Sign_in_returns_only_to_pages_of_this_site(string? url, string expected) =>
        Assert.Equal(expected, SignInExtensions.LocalOrHome(url));

    private static List<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
