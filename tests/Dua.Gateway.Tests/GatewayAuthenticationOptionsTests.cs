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
