using System.Globalization;

namespace Dua.Domain.LabourMarket;

/// <summary>
/// A month figures are reported for: the first day of the month (a <see cref="DateOnly"/>), written "YYYY-MM".
/// Figures are reported for months that have begun, from <see cref="Earliest"/> on.
/// </summary>
public static class ReportingMonth
{
    public const string Format = "yyyy-MM";

    /// <summary>The field a refusal names for a month that may not be reported.</summary>
    public const string Field = "month";

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

    /// <summary>A month may be reported from <see cref="Earliest"/> up to the current one (<paramref name="today"/>'s, a Swedish date).</summary>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not the first day of a month: a caller's mistake, not a request's.</exception>
    public static void RequireReportable(DateOnly month, DateOnly today)
    {
        if (month.Day != 1)
        {
            throw new ArgumentException($"A month is given as its first day, not {month:yyyy-MM-dd}.", nameof(month));
        }

        if (month < Earliest)
        {
            throw DomainRuleException.InvalidValue(Field, $"must not be before {ToText(Earliest)}");
        }

        var current = Of(today);
        if (month > current)
        {
            throw DomainRuleException.InvalidValue(Field, $"must not be after the current month ({ToText(current)}): figures are reported for months that have begun");
        }
    }
}
