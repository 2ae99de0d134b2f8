namespace Dua.Security.Tests;

public sealed class CallerAreaTests
{
    [Theory]
    [InlineData("2184")] // Hudiksvall, Gävleborg
    [InlineData("0484")] // Eskilstuna, Södermanland
    [InlineData("0180")] // Stockholm
    public void The_whole_country_covers_every_municipality(string municipality)
    {
        Assert.True(CallerArea.Country.CoversMunicipality(municipality));
    }

    [Theory]
    [InlineData("21")]
    [InlineData("04")]
    [InlineData("01")]
    public void The_whole_country_covers_every_county(string county)
    {
        Assert.True(CallerArea.Country.CoversCounty(county));
    }

    [Fact]
    public void A_county_covers_its_municipalities_and_itself_and_nothing_else()
    {
        var gavleborg = CallerArea.Parse("21");

        Assert.True(gavleborg.IsCounty);
        Assert.True(gavleborg.CoversMunicipality("2184"));
        Assert.True(gavleborg.CoversMunicipality("2180"));
        Assert.True(gavleborg.CoversCounty("21"));
        Assert.False(gavleborg.CoversMunicipality("0484"));
        Assert.False(gavleborg.CoversCounty("04"));
    }

    [Fact]
    public void A_municipality_covers_itself_and_never_a_county()
    {
        var hudiksvall = CallerArea.Parse("2184");

        Assert.True(hudiksvall.IsMunicipality);
        Assert.True(hudiksvall.CoversMunicipality("2184"));
        Assert.False(hudiksvall.CoversMunicipality("2180"));
        Assert.False(hudiksvall.CoversCounty("21"));
        Assert.False(hudiksvall.CoversCounty("04"));
    }

    [Theory]
    [InlineData("SE")]
    [InlineData("21")]
    [InlineData("2184")]
    public void Parsing_accepts_the_country_a_county_and_a_municipality(string code)
    {
        Assert.True(CallerArea.TryParse(code, out var area));
        Assert.Equal(code, area.Code);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("123")]
    [InlineData("ABCD")]
    [InlineData("12345")]
    [InlineData("se")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2 84")]
    [InlineData("٢١")] // Arabic-Indic digits are digits, but not SCB codes
    public void Parsing_rejects_anything_else(string? code)
    {
        Assert.False(CallerArea.TryParse(code, out _));
        Assert.Throws<FormatException>(() => CallerArea.Parse(code!));
    }

    [Fact]
    public void A_caller_covers_what_any_of_its_areas_covers()
    {
        var caller = new Caller("s", "o", Roles.Agency, [CallerArea.Parse("2184"), CallerArea.Parse("04")]);

        Assert.True(caller.CoversMunicipality("2184"));
        Assert.True(caller.CoversMunicipality("0484"));
        Assert.False(caller.CoversMunicipality("2180"));
        Assert.True(caller.CoversCounty("04"));
        Assert.False(caller.CoversCounty("21"));
        Assert.False(caller.CoversCountry);
    }

    [Fact]
    public void The_area_list_is_canonical()
    {
        var one = new Caller("s", "o", Roles.Agency, [CallerArea.Parse("2184"), CallerArea.Parse("04"), CallerArea.Parse("2184")]);
        var other = new Caller("t", "p", Roles.Agency, [CallerArea.Parse("04"), CallerArea.Parse("2184")]);

        Assert.Equal("04,2184", one.AreaList);
        Assert.Equal(one.AreaList, other.AreaList);
    }
}
