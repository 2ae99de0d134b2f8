using System.Diagnostics.CodeAnalysis;

namespace Dua.Security;

/// <summary>
/// A part of Sweden a caller acts for: the whole country (<c>SE</c>), a county (2-digit SCB code) or a municipality
/// (4-digit SCB code, whose first two digits are its county).
/// </summary>
public readonly record struct CallerArea
{
    public const string CountryCode = "SE";

    private CallerArea(string code) => Code = code;

    public string Code { get; }

    public static CallerArea Country { get; } = new(CountryCode);

    public bool IsCountry => Code == CountryCode;

    public bool IsCounty => Code.Length == 2 && !IsCountry;

    public bool IsMunicipality => Code.Length == 4;

    public static bool TryParse(string? value, out CallerArea area)
    {
        area = default;
        if (value == CountryCode || value is { Length: 2 or 4 } && value.All(char.IsAsciiDigit))
        {
            area = new CallerArea(value);
            return true;
        }

        return false;
    }

    public static CallerArea Parse(string value) =>
        TryParse(value, out var area) ? area : throw new FormatException($"'{value}' is not SE, a county code or a municipality code.");

    /// <summary>Whether this area holds the municipality (4-digit code).</summary>
    public bool CoversMunicipality(string municipalityCode) =>
        IsCountry || Code == municipalityCode || IsCounty && municipalityCode.StartsWith(Code, StringComparison.Ordinal);

    /// <summary>Whether this area holds the whole county (2-digit code); a municipality never does.</summary>
    public bool CoversCounty(string regionCode) => IsCountry || IsCounty && Code == regionCode;

    public override string ToString() => Code;

    [SuppressMessage("Style", "IDE0046", Justification = "Reads better as statements.")]
    internal static bool TryParseList(string? joined, out IReadOnlyList<CallerArea> areas)
    {
        areas = [];
        if (string.IsNullOrEmpty(joined))
        {
            return true;
        }

        var parsed = new List<CallerArea>();
        foreach (var part in joined.Split(','))
        {
            if (!TryParse(part, out var area))
            {
                return false;
            }

            parsed.Add(area);
        }

        areas = parsed;
        return true;
    }
}
