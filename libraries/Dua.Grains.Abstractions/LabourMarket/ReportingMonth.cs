using System.Globalization;

namespace Dua.Grains.LabourMarket;

/// <summary>
/// A month as the figures name it: "YYYY-MM" on the wire, the first day of the month (a <see cref="DateOnly"/>)
/// in the domain.
/// </summary>
public static class ReportingMonth
{
    public const string Format = "yyyy-MM";

    /// <summary>The first month the platform holds figures for.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The last month a query may name; anything later is a typo.</summary>
    public static readonly DateOnly Latest = new(2100, 12, 1);

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (text is not { Length: 7 }
            || !DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        month = parsed;
        return true;
    }

    public static string ToText(DateOnly month) => month.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);
}
