using System.ComponentModel.DataAnnotations;
using Dua.Gateway.Authentication;
using Dua.Security;

namespace Dua.Gateway.Tests;

public sealed class GatewayAuthenticationOptionsTests
{
    [Fact]
    public void Without_any_key_validation_names_the_key_file_variable()
    {
        Assert.Contains(
            Validate(new GatewayAuthenticationOptions { Issuer = "i", Audience = "a" }),
            m => m.Contains("Gateway__Authentication__SigningKeyFiles__0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_public_key_as_PEM_text_is_valid_and_keeps_the_thumbprint_key_id()
    {
        var options = new GatewayAuthenticationOptions { Issuer = "i", Audience = "a", SigningKeys = [TestTokens.PublicKeyPem] };

        Assert.Empty(Validate(options));
        Assert.Empty(options.LoadKeys(out var keys));
        Assert.Equal(TokenSigningKeys.FromPem(TestTokens.PrivateKeyPem).KeyId, Assert.Single(keys).KeyId);
    }

    [Fact]
    public void Text_that_is_not_a_key_is_refused_without_echoing_it()
    {
        var problems = Validate(new GatewayAuthenticationOptions { Issuer = "i", Audience = "a", SigningKeys = ["secret-looking text"] });

        var problem = Assert.Single(problems);
        Assert.Contains("SigningKeys:0", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-looking", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_is_refused()
    {
        var problem = Assert.Single(Validate(new GatewayAuthenticationOptions { Issuer = "i", Audience = "a", SigningKeys = [TestTokens.PrivateKeyPem] }));

        Assert.Contains("public key only", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dua-no-such-key-{Guid.NewGuid():N}.pem");

        Assert.Contains(
            Validate(new GatewayAuthenticationOptions { Issuer = "i", Audience = "a", SigningKeyFiles = [path] }),
            m => m.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public void An_authority_on_loopback_needs_no_key_and_no_issuer_and_its_metadata_may_come_over_http()
    {
        var options = new GatewayAuthenticationOptions { Audience = "a", Authority = "http://127.0.0.1:5400/" };

        Assert.Empty(Validate(options));
        Assert.Equal("http://127.0.0.1:5400/.well-known/openid-configuration", options.DiscoveryDocument);
        Assert.True(options.MetadataOverLoopbackHttp);
    }

    [Theory]
    [InlineData("Authority", "http://login.example.se/")]
    [InlineData("MetadataAddress", "http://login.example.se/.well-known/openid-configuration")]
    public void Plain_http_metadata_off_this_machine_is_refused_naming_the_setting(string setting, string address)
    {
        var options = new GatewayAuthenticationOptions { Audience = "a" };
        typeof(GatewayAuthenticationOptions).GetProperty(setting)!.SetValue(options, address);

        var problem = Assert.Single(Validate(options));

        Assert.Contains($"Gateway:Authentication:{setting}", problem, StringComparison.Ordinal);
        Assert.Contains("https", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_https_authority_requires_https_metadata()
    {
        var options = new GatewayAuthenticationOptions { Audience = "a", Authority = "https://login.example.se/realms/dua" };

        Assert.Empty(Validate(options));
        Assert.Equal("https://login.example.se/realms/dua/.well-known/openid-configuration", options.DiscoveryDocument);
        Assert.False(options.MetadataOverLoopbackHttp);
    }

    [Fact]
    public void Configured_keys_without_an_authority_need_the_issuer()
    {
        Assert.Contains(
            Validate(new GatewayAuthenticationOptions { Audience = "a", SigningKeys = [TestTokens.PublicKeyPem] }),
            m => m.Contains("Gateway:Authentication:Issuer", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bound_on_metadata_refreshes_is_checked()
    {
        Assert.Contains(
            Validate(new GatewayAuthenticationOptions { Audience = "a", Authority = "https://login.example.se/", MetadataRefreshInterval = TimeSpan.Zero }),
            m => m.Contains(nameof(GatewayAuthenticationOptions.MetadataRefreshInterval), StringComparison.Ordinal));
    }

    [Fact]
    public void Reflection_is_open_by_default()
    {
        Assert.True(new GatewayAuthenticationOptions().OpenReflection);
    }

    private static List<string> Validate(GatewayAuthenticationOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage ?? "")];
    }
}
