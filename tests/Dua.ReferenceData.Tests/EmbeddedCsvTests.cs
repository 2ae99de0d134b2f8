using Dua.ReferenceData;

namespace Dua.ReferenceData.Tests;

public class EmbeddedCsvTests
{
    private static List<string[]> Parse(string text) => EmbeddedCsv.Parse(new StringReader(text), "test.csv");

    [Fact]
    public void Plain_fields_split_on_commas() =>
        Assert.Equal([["a", "b"], ["1", "2"]], Parse("a,b\n1,2\n"));

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks() =>
        Assert.Equal(
            [["1", "x, y", "say \"hi\"", "two\nlines", ""]],
            Parse("1,\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\",\"\""));

    [Fact]
    public void Empty_fields_crlf_blank_lines_and_a_missing_last_newline_are_handled() =>
        Assert.Equal([["a", "", "c"], ["", "", ""], ["d", "e", "f"]], Parse("a,,c\r\n,,\r\n\r\n\nd,e,f"));

    [Theory]
    [InlineData("a,\"b")]          // never closed
    [InlineData("a,b\"c\"")]       // quote inside a plain field
    [InlineData("a,\"b\"c")]       // text after the closing quote
    public void Malformed_quoting_is_rejected(string text) =>
        Assert.Throws<InvalidDataException>(() => Parse(text));

    [Fact]
    public void Header_and_field_count_are_checked()
    {
        Assert.Equal(
            [["1", "a, b"]],
            EmbeddedCsv.Read(new StringReader("code,name\n1,\"a, b\"\n"), "t.csv", ["code", "name"]));
        Assert.Throws<InvalidDataException>(
            () => EmbeddedCsv.Read(new StringReader("code,title\n1,a\n"), "t.csv", ["code", "name"]));
        Assert.Throws<InvalidDataException>(
            () => EmbeddedCsv.Read(new StringReader("code,name\n1,a, b\n"), "t.csv", ["code", "name"]));
        Assert.Throws<InvalidDataException>(() => EmbeddedCsv.Read(new StringReader(""), "t.csv", ["code", "name"]));
    }
}
