namespace Dua.Domain;

/// <summary>
/// A Swedish personnummer, or a samordningsnummer (coordination number, whose day of birth is written plus 60).
/// </summary>
/// <remarks>
/// Accepted as <c>YYMMDD-NNNC</c>, <c>YYMMDD+NNNC</c> (the person is 100 or older), <c>YYMMDDNNNC</c>,
/// <c>YYYYMMDDNNNC</c> and <c>YYYYMMDD-NNNC</c>. The check digit is the Luhn digit of the 10-digit form; the date
/// must exist and must not lie after the reference date. The platform must never log a number, so
/// <see cref="ToString"/> reveals nothing; use <see cref="Canonical"/> only to pseudonymise.
/// </remarks>
public sealed record PersonalIdentityNumber
{
    private const int CoordinationDayOffset = 60;

    private PersonalIdentityNumber(string canonical, DateOnly birthDate, bool isCoordinationNumber)
    {
        Canonical = canonical;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>The 12-digit form <c>YYYYMMDDNNNC</c>, with the day as written (plus 60 for a samordningsnummer).</summary>
    public string Canonical { get; }

    /// <summary>The date of birth (for a samordningsnummer, with the 60 taken off the day).</summary>
    public DateOnly BirthDate { get; }

    public bool IsCoordinationNumber { get; }

    /// <param name="input">The number in one of the accepted notations; surrounding white space is ignored.</param>
    /// <param name="today">
    /// The reference date: a 2-digit year gets the latest century that does not put the birth after it
    /// (one century earlier with <c>+</c>), and no birth date may lie after it.
    /// </param>
    /// <param name="value">The number, when valid.</param>
    /// <param name="error">Why the input is not valid, in a short English phrase that never repeats the input.</param>
    public static bool TryParse(
        string? input, DateOnly today, out PersonalIdentityNumber? value, out string? error)
    {
        error = Validate(input, today, out value);
        return error is null;
    }

    /// <exception cref="FormatException">The input is not valid; the message does not repeat it.</exception>
    public static PersonalIdentityNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var value, out var error)
            ? value!
            : throw new FormatException($"Not a valid personal identity number: {error}.");

    public override string ToString() => "PersonalIdentityNumber(redacted)";

    private static string? Validate(string? input, DateOnly today, out PersonalIdentityNumber? value)
    {
        value = null;
        var s = input.AsSpan().Trim();
        var separator = '\0';
        if (s.Length is 11 or 13 && s[^5] is '-' or '+')
        {
            separator = s[^5];
            s = string.Concat(s[..^5], s[^4..]);
        }

        if (s.Length is not (10 or 12) || s.ContainsAnyExceptInRange('0', '9'))
        {
            return "must be 10 or 12 digits";
        }

        if (s.Length == 12 && separator == '+')
        {
            return "'+' may only follow a 2-digit year";
        }

        var tenDigits = s[^10..];
        var yy = Number(tenDigits[..2]);
        var month = Number(tenDigits[2..4]);
        var writtenDay = Number(tenDigits[4..6]);
        var isCoordinationNumber = writtenDay > CoordinationDayOffset;
        var day = isCoordinationNumber ? writtenDay - CoordinationDayOffset : writtenDay;

        int year;
        if (s.Length == 12)
        {
            year = Number(s[..4]);
        }
        else
        {
            year = today.Year - today.Year % 100 + yy;
            if ((year, month, day).CompareTo((today.Year, today.Month, today.Day)) > 0)
            {
                year -= 100;
            }

            if (separator == '+')
            {
                year -= 100;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return "not a valid date";
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            return "birth date is in the future";
        }

        if (!Luhn.IsValid(tenDigits))
        {
            return "check digit does not match";
        }

        value = new PersonalIdentityNumber($"{year / 100:D2}{tenDigits}", birthDate, isCoordinationNumber);
        return null;
    }

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, provider: null);
}
