using System.Globalization;
using Dua.Contracts.V1;

namespace Dua.Web.Presentation;

/// <summary>
/// How numbers, shares, dates and months read on the pages and in their CSV files: Swedish (sv-SE), as the people
/// reading them write them ("1 300", "12,5 %", "4 maj 2026"). A withheld count reads as <see cref="Withheld"/>.
/// </summary>
public static class SwedishFormat
{
    /// <summary>What a suppressed count shows (an en dash), explained by the page's legend on röjandeskydd.</summary>
    public const string Withheld = "–";

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Count(PersonCount? count) =>
        count is null ? Withheld : count.Suppressed ? Withheld : Count(count.Value);

    /// <summary>A share between 0 and 1 as a percent with one decimal: 0.125 reads "12,5 %".</summary>
    public static string Share(double share) => Percent(share * 100);

    /// <summary>A percentage (0 to 100) with one decimal and a no-break space before the sign, so it never wraps.</summary>
    public static string Percent(double percent) => $"{percent.ToString("N1", Culture)}\u00a0%";

    public static string Share(PersonFigure? figure) =>
        figure is null ? "" : figure.Suppressed ? Withheld : Share(figure.Value);

    public static string Days(PersonFigure? figure) =>
        figure is null ? "" : figure.Suppressed ? Withheld : figure.Value.ToString("N0", Culture);

    public static string Number(double value, int decimals = 1) => value.ToString($"N{decimals}", Culture);

    /// <summary>A change with its sign: "+120", "−35" (a true minus sign), "0".</summary>
    public static string Change(long value) => value > 0 ? $"+{Count(value)}" : Count(value);

    /// <summary>An ISO date (YYYY-MM-DD) as "4 maj 2026"; the text as it was when it is no date.</summary>
    public static string Date(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : isoDate;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A month ("2026-10") as "oktober 2026".</summary>
    public static string Month(string month) =>
        DateOnly.TryParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMMM yyyy", Culture)
            : month;

    /// <summary>An instant in Swedish time: "4 maj 2026 kl. 14:05:03".</summary>
    public static string Instant(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Stockholm);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} kl. {local.ToString("HH:mm:ss", Culture)}";
    }
}
