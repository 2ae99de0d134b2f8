namespace Dua.Domain;

/// <summary>
/// A Swedish organisationsnummer of a legal entity: ten digits <c>NNNNNN-NNNC</c> whose third digit is at least 2
/// (which keeps it apart from a personnummer) and whose last digit is a Luhn check digit.
/// </summary>
/// <remarks>
/// Accepted as <c>NNNNNNNNNC</c>, <c>NNNNNN-NNNC</c>, or with the century-like prefix <c>16</c> that some registers
/// add (<c>16NNNNNNNNNC</c>, <c>16NNNNNN-NNNC</c>). Sole traders (enskild firma) use their personnummer as
/// organisation number; those are deliberately rejected here: they identify a person, so they go through
/// <see cref="PersonalIdentityNumber"/> and are never stored in the clear.
/// </remarks>
public sealed record OrganisationNumber
{
    private OrganisationNumber(string value) => Value = value;

    /// <summary>The canonical form, <c>NNNNNN-NNNC</c>.</summary>
    public string Value { get; }

    public static bool TryParse(string? input, out OrganisationNumber? value, out string? error)
    {
        value = null;
        error = Validate(input, out var digits);
        if (error is null)
        {
            value = new OrganisationNumber($"{digits[..6]}-{digits[6..]}");
        }

        return error is null;
    }

    /// <exception cref="FormatException">The input is not a valid organisation number.</exception>
    public static OrganisationNumber Parse(string input) =>
        TryParse(input, out var value, out var error) ? value! : throw new FormatException($"Not a valid organisation number: {error}.");

    public override string ToString() => Value;

    private static string? Validate(string? input, out string digits)
    {
        digits = "";
        var s = input.AsSpan().Trim();
        if (s.Length is 11 or 13 && s[^5] == '-')
        {
            s = string.Concat(s[..^5], s[^4..]);
        }

        if (s.Length is not (10 or 12) || s.ContainsAnyExceptInRange('0', '9'))
        {
            return "must be 10 digits";
        }

        if (s.Length == 12)
        {
            if (!s.StartsWith("16"))
            {
                return "12-digit form must start with 16";
            }

            s = s[2..];
        }

        if (s[2] < '2')
        {
            return "third digit must be 2 or more";
        }

        if (!Luhn.IsValid(s))
        {
            return "check digit does not match";
        }

        digits = s.ToString();
        return null;
    }
}
