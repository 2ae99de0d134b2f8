using Dua.Grains.Abstractions;
namespace Dua.Grains;

/// <summary>
/// Today's date in Sweden, which decides whether a month has begun or a dialogue was held: the platform's dates are
/// Swedish dates. Falls back to UTC where the time-zone database is missing (at most two hours stricter).
/// </summary>
public static class SwedishCalendar
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider? clock = null) => DateAt((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>The date in Sweden at an instant.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
