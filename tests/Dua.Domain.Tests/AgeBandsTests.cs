using Dua.Domain.Participants;

namespace Dua.Domain.Tests;

/// <summary>Age on a day, and the age band it falls in.</summary>
public sealed class AgeBandsTests
{
    private static readonly DateOnly Day = new(2026, 6, 15);

    [Theory]
    [InlineData("2010-06-15", 16, AgeBand.From16To19)]
    [InlineData("2006-06-16", 19, AgeBand.From16To19)]
    [InlineData("2006-06-15", 20, AgeBand.From20To24)]
    [InlineData("2001-06-16", 24, AgeBand.From20To24)]
    [InlineData("2001-06-15", 25, AgeBand.From25To29)]
    [InlineData("1996-06-15", 30, AgeBand.From30To39)]
    [InlineData("1986-06-15", 40, AgeBand.From40To49)]
    [InlineData("1976-06-15", 50, AgeBand.From50To64)]
    [InlineData("1962-01-01", 64, AgeBand.From50To64)]
    public void The_band_follows_the_age_on_the_day(string birth, int age, AgeBand band)
    {
        var birthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(age, AgeBands.AgeOn(birthDate, Day));
        Assert.Equal(band, AgeBands.On(birthDate, Day));
    }

    [Fact]
    public void Someone_born_on_29_february_is_a_year_older_on_28_february_of_a_common_year()
    {
        var leapling = new DateOnly(2004, 2, 29);

        Assert.Equal(21, AgeBands.AgeOn(leapling, new DateOnly(2026, 2, 27)));
        Assert.Equal(22, AgeBands.AgeOn(leapling, new DateOnly(2026, 2, 28)));
    }
}
