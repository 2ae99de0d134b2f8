namespace Dua.Domain.Tests;

public class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static PersonalIdentityNumber Valid(string input, DateOnly? today = null)
    {
        var ok = PersonalIdentityNumber.TryParse(input, today ?? Today, out var value, out var error);
        Assert.True(ok, $"expected valid, got: {error}");
        Assert.Null(error);
        return Assert.IsType<PersonalIdentityNumber>(value);
    }

    private static string Invalid(string? input, DateOnly? today = null)
    {
        var ok = PersonalIdentityNumber.TryParse(input, today ?? Today, out var value, out var error);
        Assert.False(ok);
        Assert.Null(value);
        return Assert.IsType<string>(error);
    }

    [Theory]
    [InlineData("811218-9876")]
    [InlineData("8112189876")]
    [InlineData("198112189876")]
    [InlineData("19811218-9876")]
    [InlineData("  811218-9876 ")]
    public void Skatteverkets_example_parses_in_every_notation(string input)
    {
        var number = Valid(input);
        Assert.Equal("198112189876", number.Canonical);
        Assert.Equal(new DateOnly(1981, 12, 18), number.BirthDate);
        Assert.False(number.IsCoordinationNumber);
    }

    [Theory]
    [InlineData("701063-2391")]
    [InlineData("197010632391")]
    public void Coordination_number_takes_60_off_the_day(string input)
    {
        var number = Valid(input);
        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1970, 10, 3), number.BirthDate);
        Assert.Equal("197010632391", number.Canonical);
    }

    [Theory]
    [InlineData("811218-9877")]
    [InlineData("811218-9866")]
    [InlineData("701063-2392")]
    [InlineData("198112189875")]
    public void Wrong_check_digit_is_rejected(string input) =>
        Assert.Equal("check digit does not match", Invalid(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("81121898")]
    [InlineData("81121-89876")]
    [InlineData("811218 9876")]
    [InlineData("81121a-9876")]
    [InlineData("1981121898760")]
    [InlineData("811218/9876")]
    [InlineData("８１１２１８９８７６")]
    public void Malformed_input_is_rejected(string? input) =>
        Assert.Equal("must be 10 or 12 digits", Invalid(input));

    [Theory]
    [InlineData("811318")] // month 13
    [InlineData("811200")] // day 0
    [InlineData("811232")] // December 32
    [InlineData("811260")] // neither a day nor a coordination day
    [InlineData("811292")] // coordination day 32
    [InlineData("010229")] // 2001 is not a leap year
    [InlineData("010289")] // nor for a coordination number
    [InlineData("000230")]
    public void Impossible_date_is_rejected(string date) =>
        Assert.Equal("not a valid date", Invalid(ReferenceLuhn.Complete(date + "123")));

    [Fact]
    public void Leap_day_follows_the_century()
    {
        var leap = ReferenceLuhn.Complete("000229123");
        Assert.Equal("0002291235", leap); // worked by hand: sum 25, check digit 5
        Assert.Equal(new DateOnly(2000, 2, 29), Valid(leap).BirthDate);
        Assert.Equal(new DateOnly(1996, 2, 29), Valid(ReferenceLuhn.Complete("960229123")).BirthDate);
        Assert.Equal(new DateOnly(2000, 2, 29), Valid(ReferenceLuhn.Complete("000289123")).BirthDate);

        // 1900 was not a leap year: with '+' the same digits name a day that never existed.
        Assert.Equal("not a valid date", Invalid("000229+1235"));
        Assert.Equal("not a valid date", Invalid("190002291235"));
        Assert.Equal(new DateOnly(2000, 2, 29), Valid("200002291235").BirthDate);
    }

    [Fact]
    public void Plus_moves_the_birth_a_century_back()
    {
        Assert.Equal("201212121212", Valid("121212-1212").Canonical);
        var old = Valid("121212+1212");
        Assert.Equal("191212121212", old.Canonical);
        Assert.Equal(new DateOnly(1912, 12, 12), old.BirthDate);
        Assert.Equal(old, Valid("191212121212"));
        Assert.Equal(old, Valid("19121212-1212"));
    }

    [Fact]
    public void Two_digit_year_takes_the_latest_century_not_in_the_future()
    {
        var bornToday = ReferenceLuhn.Complete("260615123");
        var bornTomorrow = ReferenceLuhn.Complete("260616123");
        Assert.Equal(new DateOnly(2026, 6, 15), Valid(bornToday).BirthDate);
        Assert.Equal(new DateOnly(1926, 6, 16), Valid(bornTomorrow).BirthDate);
        Assert.Equal(new DateOnly(1926, 6, 15), Valid(bornToday.Insert(6, "+")).BirthDate);
        Assert.Equal(new DateOnly(1826, 6, 16), Valid(bornTomorrow.Insert(6, "+")).BirthDate);

        // The reference date decides: the same digits a day later name a baby, not a centenarian.
        Assert.Equal(new DateOnly(2026, 6, 16), Valid(bornTomorrow, Today.AddDays(1)).BirthDate);
    }

    [Fact]
    public void Birth_after_the_reference_date_is_rejected()
    {
        Assert.Equal("birth date is in the future", Invalid("20" + ReferenceLuhn.Complete("260616123")));
        Assert.Equal("birth date is in the future", Invalid("201212121212", new DateOnly(2012, 12, 11)));
    }

    [Theory]
    [InlineData("19811218+9876")]
    [InlineData("1981121+89876")]
    public void Plus_is_only_for_two_digit_years(string input) => Assert.NotNull(Invalid(input));

    [Fact]
    public void Equal_numbers_are_equal_whatever_the_notation()
    {
        Assert.Equal(Valid("811218-9876"), Valid("198112189876"));
        Assert.True(Valid("811218-9876") == Valid("8112189876"));
        Assert.NotEqual(Valid("811218-9876"), Valid("121212-1212"));
    }

    [Fact]
    public void ToString_and_Parse_errors_reveal_nothing()
    {
        var number = Valid("811218-9876");
        Assert.Equal("PersonalIdentityNumber(redacted)", number.ToString());
        Assert.Equal("PersonalIdentityNumber(redacted)", $"{number}");
        Assert.DoesNotContain("8112", $"{new { number }}");

        var ex = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("811218-9877", Today));
        Assert.DoesNotContain("811218", ex.Message);
        Assert.Contains("check digit", ex.Message);
    }
}
