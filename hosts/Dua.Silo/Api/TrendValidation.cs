using Dua.Domain.Statistics;

namespace Dua.Silo.Api;

/// <summary>
/// The months a trend request asks for: "YYYY-MM" each, from_month not after to_month, at most
/// <see cref="TrendCalendar.MaxRange"/> months, none before 2000-01 or more than <see cref="TrendCalendar.MonthsAhead"/>
/// months after the current one. Every bad field is named at once.
/// </summary>
public static class TrendValidation
{
    public const string FromMonth = "from_month";
    public const string ToMonth = "to_month";

    /// <summary>Checks the months (and the area code's shape, through <paramref name="validator"/>); the range as month numbers.</summary>
    public static (int From, int To) Validate(RequestValidator validator, string? fromMonth, string? toMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var latest = TrendCalendar.Of(today) + TrendCalendar.MonthsAhead;
        var from = Month(validator, FromMonth, fromMonth, latest);
        var to = Month(validator, ToMonth, toMonth, latest);
        if (from is { } f && to is { } t)
        {
            if (f > t)
            {
                validator.Add(FromMonth, $"must not be after {ToMonth}");
            }
            else if (t - f + 1 > TrendCalendar.MaxRange)
            {
                validator.Add(ToMonth, $"must be at most {TrendCalendar.MaxRange} months from {FromMonth} (both included)");
            }
        }

        validator.ThrowIfInvalid();
        return (from!.Value, to!.Value);
    }

    private static int? Month(RequestValidator validator, string field, string? text, int latest)
    {
        if (TrendCalendar.Parse(text) is not { } month)
        {
            validator.Add(field, "must be a month \"YYYY-MM\", e.g. \"2026-03\"");
            return null;
        }

        if (month < TrendCalendar.Earliest)
        {
            validator.Add(field, "must not be before 2000-01");
            return null;
        }

        if (month > latest)
        {
            validator.Add(field, $"must not be after {TrendCalendar.Format(latest)} (twelve months after the current one)");
            return null;
        }

        return month;
    }
}
