using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Security.Tests;

/// <summary>Tokens minted with <see cref="TokenMinter"/> and validated as a gateway would: against the public key only.</summary>
public sealed class TokenTests
{
    private const string Issuer = "dua-development";
    private const string Audience = "dua-platform";

    private static readonly string PrivateKeyPem = TokenSigningKeys.CreatePrivateKeyPem();
    private static readonly Caller Gavleborg = new("dev-regional-office-21", "Länsstyrelsen Gävleborg", Roles.RegionalOffice, [CallerArea.Parse("21")]);

    [Fact]
    public async Task A_minted_token_validates_against_the_public_key_and_gives_back_the_caller()
    {
        var token = Minter().Mint(Gavleborg, TimeSpan.FromHours(1));

        var result = await ValidateAsync(token, PublicKey());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.True(Caller.TryFromClaims(new ClaimsPrincipal(result.ClaimsIdentity), out var caller, out var problem), problem);
        Assert.Equal((Gavleborg.Subject, Gavleborg.Organisation, Gavleborg.Role, Gavleborg.AreaList),
            (caller!.Subject, caller.Organisation, caller.Role, caller.AreaList));
    }

    [Fact]
    public async Task Several_areas_become_one_claim_each()
    {
        var caller = Gavleborg with { Role = Roles.Agency, Areas = [CallerArea.Parse("2184"), CallerArea.Parse("0484"), CallerArea.Country] };

        var result = await ValidateAsync(Minter().Mint(caller, TimeSpan.FromHours(1)), PublicKey());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(new[] { "2184", "0484", "SE" }, result.ClaimsIdentity.FindAll(DuaClaimTypes.Area).Select(c => c.Value));
    }

    [Fact]
    public void The_private_and_the_public_key_have_the_same_key_id()
    {
        var signing = TokenSigningKeys.FromPem(PrivateKeyPem);
        var validating = PublicKey();

        Assert.False(string.IsNullOrEmpty(signing.KeyId));
        Assert.Equal(signing.KeyId, validating.KeyId);
        Assert.NotEqual(signing.KeyId, TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()).KeyId);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_fails()
    {
        var other = new TokenMinter(TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()), Issuer, Audience);

        var result = await ValidateAsync(other.Mint(Gavleborg, TimeSpan.FromHours(1)), PublicKey());

        Assert.False(result.IsValid);
        Assert.IsAssignableFrom<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task A_token_from_another_issuer_fails()
    {
        var other = new TokenMinter(TokenSigningKeys.FromPem(PrivateKeyPem), "someone-else", Audience);

        var result = await ValidateAsync(other.Mint(Gavleborg, TimeSpan.FromHours(1)), PublicKey());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
    }

    [Fact]
    public async Task A_token_for_another_audience_fails()
    {
        var other = new TokenMinter(TokenSigningKeys.FromPem(PrivateKeyPem), Issuer, "another-platform");

        var result = await ValidateAsync(other.Mint(Gavleborg, TimeSpan.FromHours(1)), PublicKey());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidAudienceException>(result.Exception);
    }

    [Fact]
    public async Task An_expired_token_fails()
    {
        // Minted two hours ago for one hour: past its expiry by more than the validator's clock skew (5 minutes).
        var twoHoursAgo = new FixedClock(DateTimeOffset.UtcNow.AddHours(-2));
        var minter = new TokenMinter(TokenSigningKeys.FromPem(PrivateKeyPem), Issuer, Audience, twoHoursAgo);

        var result = await ValidateAsync(minter.Mint(Gavleborg, TimeSpan.FromHours(1)), PublicKey());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task A_token_not_yet_valid_fails()
    {
        var token = Minter().Mint(Gavleborg, TimeSpan.FromHours(1), validFromOffset: TimeSpan.FromHours(1));

        var result = await ValidateAsync(token, PublicKey());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenNotYetValidException>(result.Exception);
    }

    [Fact]
    public void The_public_key_cannot_sign()
    {
        var publicOnly = new TokenMinter(PublicKey(), Issuer, Audience);

        Assert.ThrowsAny<Exception>(() => publicOnly.Mint(Gavleborg, TimeSpan.FromHours(1)));
    }

    private static TokenMinter Minter() => new(TokenSigningKeys.FromPem(PrivateKeyPem), Issuer, Audience);

    private static ECDsaSecurityKey PublicKey() => TokenSigningKeys.FromPem(TokenSigningKeys.PublicKeyPemOf(PrivateKeyPem));

    private static Task<TokenValidationResult> ValidateAsync(string token, SecurityKey key) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [TokenSigningKeys.Algorithm],
        });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
