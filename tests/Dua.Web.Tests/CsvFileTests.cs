using System.Text;
using Dua.Web.Presentation;

namespace Dua.Web.Tests;

public sealed class CsvFileTests
{
    [Fact]
    public void A_table_becomes_utf8_with_bom_semicolons_and_crlf()
    {
        Column[] columns = [new("Kommun"), new("Deltagare", true)];
        IReadOnlyList<Cell>[] rows = [[Cell.Of("Hudiksvall"), Cell.Of(1300)], [Cell.Of("Gävle"), Cell.Of(new Dua.Contracts.V1.PersonCount { Suppressed = true })]];

        var bytes = CsvFile.Write(columns, rows);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Kommun;Deltagare\r\nHudiksvall;1\u00a0300\r\nGävle;–\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("Ockelbo, Hofors", "Ockelbo, Hofors")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("säger \"ja\"", "\"säger \"\"ja\"\"\"")]
    [InlineData("två\nrader", "\"två\nrader\"")]
    public void Fields_are_quoted_only_when_they_must_be(string value, string expected) =>
        Assert.Equal(expected, CsvFile.Field(value));
}
