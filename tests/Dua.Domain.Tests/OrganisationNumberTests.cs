namespace Dua.Domain.Tests;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("556036-0793", "556036-0793")]
    [InlineData("5560360793", "556036-0793")]
    [InlineData("165560360793", "556036-0793")]
    [InlineData("16556036-0793", "556036-0793")]
    [InlineData(" 212000-0142 ", "212000-0142")]
    [InlineData("2120000142", "212000-0142")]
    public void Valid_number_has_one_canonical_form(string input, string canonical)
    {
        Assert.True(OrganisationNumber.TryParse(input, out var value, out var error), error);
        Assert.Null(error);
        Assert.Equal(canonical, value!.Value);
        Assert.Equal(canonical, value.ToString());
        Assert.Equal(OrganisationNumber.Parse(canonical), value);
    }

    [Theory]
    [InlineData("556036-0794", "check digit does not match")]
    [InlineData("556036-0703", "check digit does not match")]
    [InlineData("212000-0143", "check digit does not match")]
    [InlineData("811218-9876", "third digit must be 2 or more")] // a personnummer, valid as such
    [InlineData("551036-0793", "third digit must be 2 or more")]
    [InlineData("195560360793", "12-digit form must start with 16")]
    [InlineData("5560360-793", "must be 10 digits")]
    [InlineData("556036+0793", "must be 10 digits")]
    [InlineData("556036079", "must be 10 digits")]
    [InlineData("55603607930", "must be 10 digits")]
    [InlineData("55603a-0793", "must be 10 digits")]
    [InlineData("", "must be 10 digits")]
    [InlineData(null, "must be 10 digits")]
    public void Invalid_number_is_rejected(string? input, string expectedError)
    {
        Assert.False(OrganisationNumber.TryParse(input, out var value, out var error));
        Assert.Null(value);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Parse_throws_FormatException_naming_the_reason()
    {
        var ex = Assert.Throws<FormatException>(() => OrganisationNumber.Parse("556036-0794"));
        Assert.Contains("check digit does not match", ex.Message);
    }

    [Fact]
    public void Built_with_a_correct_check_digit_it_parses()
    {
        foreach (var payload in new[] { "556036079", "212000014", "802002472", "969663111" })
        {
            var digits = ReferenceLuhn.Complete(payload);
            Assert.Equal(digits.Insert(6, "-"), OrganisationNumber.Parse(digits).Value);
        }
    }
}
