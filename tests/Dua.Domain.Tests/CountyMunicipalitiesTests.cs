namespace Dua.Domain.Tests;

/// <summary>A list of municipalities of one county: every bad entry named, under the list name the caller gives.</summary>
public sealed class CountyMunicipalitiesTests
{
    [Fact]
    public void Every_bad_entry_of_a_county_s_list_is_named_with_its_index()
    {
        var violations = CountyMunicipalities.OfCounty("codes", "21", ["2184", "21x4", "9999", "0180", "2184"]).ToList();

        Assert.Equal(["codes[1]", "codes[2]", "codes[3]", "codes"], violations.Select(v => v.Field));
        Assert.Contains("lies in county 01", violations[2].Description);
        Assert.All(violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }

    [Fact]
    public void Distinct_municipalities_of_the_county_break_nothing()
    {
        Assert.Empty(CountyMunicipalities.OfCounty("codes", "21", ["2184", "2180", "2132"]));
        Assert.Empty(CountyMunicipalities.OfCounty("codes", "21", []));
    }

    [Fact]
    public void A_code_naming_no_county_leaves_membership_to_its_own_not_found()
    {
        Assert.Empty(CountyMunicipalities.OfCounty("codes", "99", ["2184", "0180"]));
        Assert.Equal(["codes[1]"], CountyMunicipalities.OfCounty("codes", "2", ["2184", "218"]).Select(v => v.Field));
    }

    [Fact]
    public void Without_a_county_the_first_known_municipality_names_it()
    {
        Assert.Empty(CountyMunicipalities.SharingACounty("codes", ["0484", "0480"]));
        Assert.Equal(["codes[0]", "codes[2]"], CountyMunicipalities.SharingACounty("codes", ["9999", "0484", "2184"]).Select(v => v.Field));
        Assert.Equal("04", CountyMunicipalities.CountyOf(["9999", "0484", "2184"]));
        Assert.Null(CountyMunicipalities.CountyOf(["9999"]));
    }

    [Fact]
    public void A_repeat_is_named_once_for_the_whole_list()
    {
        Assert.Equal(new FieldViolation("codes", "must not repeat a municipality"), CountyMunicipalities.Repeat("codes", ["2184", "2180", "2184", "2180"]));
        Assert.Null(CountyMunicipalities.Repeat("codes", ["2184", "2180"]));
    }
}
