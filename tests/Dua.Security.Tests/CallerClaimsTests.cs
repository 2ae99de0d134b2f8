using System.Security.Claims;

namespace Dua.Security.Tests;

public sealed class CallerClaimsTests
{
    [Fact]
    public void A_complete_set_of_claims_gives_the_caller()
    {
        var ok = Caller.TryFromClaims(Principal(("sub", "sys-1"), ("org", "Försäkringskassan"), ("role", "agency"), ("dua_area", "2184"), ("dua_area", "04")),
            out var caller, out var problem);

        Assert.True(ok, problem);
        Assert.Null(problem);
        Assert.Equal(new[] { "2184", "04" }, caller!.Areas.Select(a => a.Code));
        Assert.Equal(("sys-1", "Försäkringskassan", Roles.Agency), (caller.Subject, caller.Organisation, caller.Role));
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("org")]
    [InlineData("role")]
    public void A_missing_claim_is_named(string missing)
    {
        var claims = new[] { ("sub", "sys-1"), ("org", "AF"), ("role", "agency"), ("dua_area", "SE") }.Where(c => c.Item1 != missing).ToArray();

        Assert.False(Caller.TryFromClaims(Principal(claims), out var caller, out var problem));
        Assert.Null(caller);
        Assert.Contains($"'{missing}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_roles_are_refused()
    {
        Assert.False(Caller.TryFromClaims(Principal(("sub", "s"), ("org", "o"), ("role", "agency"), ("role", "operations")), out _, out var problem));
        Assert.Contains("exactly one", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        Assert.False(Caller.TryFromClaims(Principal(("sub", "s"), ("org", "o"), ("role", "admin"), ("dua_area", "SE")), out _, out var problem));
        Assert.Contains("agency", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_area_is_refused_and_named()
    {
        Assert.False(Caller.TryFromClaims(Principal(("sub", "s"), ("org", "o"), ("role", "agency"), ("dua_area", "21"), ("dua_area", "123")), out _, out var problem));
        Assert.Contains("'123'", problem, StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
