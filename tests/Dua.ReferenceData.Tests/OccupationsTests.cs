using Dua.ReferenceData;

namespace Dua.ReferenceData.Tests;

public class OccupationsTests
{
    [Fact]
    public void All_429_unit_groups_load_with_unique_4_digit_codes()
    {
        var all = Occupations.Ssyk2012.All;
        Assert.Equal(429, all.Count);
        Assert.All(all, o => Assert.Matches("^[0-9]{4}$", o.Code));
        Assert.All(all, o => Assert.False(string.IsNullOrWhiteSpace(o.Name)));
        Assert.Equal(all.Count, all.Select(o => o.Code).Distinct().Count());
        Assert.DoesNotContain(all, o => o.Name.Contains('"'));
    }

    [Theory]
    [InlineData("2221", "Grundutbildade sjuksköterskor")]
    [InlineData("0110", "Officerare")]
    [InlineData("1111", "Politiker")]
    [InlineData("1112", "General-, landstings- och kommundirektörer m.fl.")]
    [InlineData("1211", "Ekonomi- och finanschefer, nivå 1")]
    public void Code_finds_its_name(string code, string name) =>
        Assert.Equal(new Occupation(code, name), Occupations.Ssyk2012.Find(code));

    [Theory]
    [InlineData("9999")]
    [InlineData("222")]
    [InlineData("")]
    [InlineData(" 2221")]
    public void Unknown_code_is_not_found(string code) => Assert.Null(Occupations.Ssyk2012.Find(code));

    [Fact]
    public void Geography_still_loads()
    {
        Assert.Equal(21, Geography.Sweden.Counties.Count);
        Assert.Equal(290, Geography.Sweden.Municipalities.Count);
        Assert.Equal("Hudiksvall", Geography.Sweden.FindMunicipality("2184")?.Name);
    }
}
