using System.Globalization;

namespace Dua.Domain.Statistics;

/// <summary>
/// Months as trends count them: a month is a number (year × 12 + month − 1), so that a range of months is a range
/// of numbers. A trend covers months from <see cref="Earliest"/> to <see cref="MonthsAhead"/> months after the
/// current one, at most <see cref="MaxRange"/> months per read.
/// </summary>
public static class TrendCalendar
{
    /// <summary>2000-01: no trend month is earlier.</summary>
    public const int Earliest = 2000 * 12;

    /// <summary>How far after the current month a trend may be read (agreements in force, dialogues planned).</summary>
    public const int MonthsAhead = 12;

    /// <summary>The most months one trend read returns.</summary>
    public const int MaxRange = 60;

    public static int Of(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public static int Of(DateTimeOffset instant) => (instant.Year * 12) + instant.Month - 1;

    public static DateOnly FirstDay(int month) => new(month / 12, (month % 12) + 1, 1);

    /// <summary>"YYYY-MM".</summary>
    public static string Format(int month) => FirstDay(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Parses "YYYY-MM" (exactly that shape), or null.</summary>
    public static int? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Of(day)
            : null;

    /// <summary>
    /// The first month at whose end a state that lasts through <paramref name="lastDay"/> no longer holds: the
    /// month of the day after. A state held through the 31st of January still holds at January's end.
    /// </summary>
    public static int EndOf(DateOnly lastDay) => Of(lastDay.AddDays(1));
}
