using Dua.Contracts.V1;
using Dua.Web.Presentation;

namespace Dua.Web.Tests;

public sealed class SwedishFormatTests
{
    // sv-SE separates thousands with a no-break space and writes a true minus sign.
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1300, "1\u00a0300")]
    [InlineData(1234567, "1\u00a0234\u00a0567")]
    public void Counts_read_as_Swedes_write_them(long value, string expected) =>
        Assert.Equal(expected, SwedishFormat.Count(value));

    [Theory]
    [InlineData(0.125, "12,5\u00a0%")]
    [InlineData(1.0, "100,0\u00a0%")]
    [InlineData(0.0, "0,0\u00a0%")]
    public void Shares_read_as_percent_with_a_decimal_comma(double share, string expected) =>
        Assert.Equal(expected, SwedishFormat.Share(share));

    [Fact]
    public void Dates_months_and_instants_are_Swedish()
    {
        Assert.Equal("4 maj 2026", SwedishFormat.Date("2026-05-04"));
        Assert.Equal("oktober 2026", SwedishFormat.Month("2026-10"));
        // 12:00 UTC in May is 14:00 in Stockholm (summer time), in January 13:00.
        Assert.Equal("4 maj 2026 kl. 14:00:00", SwedishFormat.Instant(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("15 januari 2026 kl. 13:00:00", SwedishFormat.Instant(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Changes_carry_their_sign()
    {
        Assert.Equal("+120", SwedishFormat.Change(120));
        Assert.Equal("\u221235", SwedishFormat.Change(-35));
        Assert.Equal("0", SwedishFormat.Change(0));
    }

    [Fact]
    public void Text_that_is_no_date_stays_as_it_was() => Assert.Equal("snart", SwedishFormat.Date("snart"));

    [Fact]
    public void A_suppressed_count_or_figure_reads_as_a_dash_never_as_zero()
    {
        Assert.Equal("–", SwedishFormat.Count(new PersonCount { Suppressed = true }));
        Assert.Equal("–", SwedishFormat.Share(new PersonFigure { Suppressed = true }));
        Assert.Equal("0", SwedishFormat.Count(new PersonCount { Value = 0 }));
        Assert.Equal("7", SwedishFormat.Count(new PersonCount { Value = 7 }));
    }
}
