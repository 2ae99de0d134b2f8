namespace Dua.Domain.Statistics;

/// <summary>
/// When an agreement was in force, as far as its own facts tell: from <see cref="ValidFrom"/> to
/// <see cref="ValidTo"/> once signed, ended early on <see cref="EndedOn"/> (terminated: the day it was recorded, as
/// no other day is given), or, superseded by <see cref="SuccessorId"/>, up to the day before the successor's first day.
/// </summary>
public readonly record struct AgreementDates(DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? EndedOn, string? SuccessorId)
{
    public static AgreementDates None { get; } = new(null, null, null, null);

    /// <summary>The months at whose end the agreement was in force: [from, until).</summary>
    /// <param name="successorFrom">The first day of the agreement that superseded it, when known.</param>
    public (int From, int Until)? Months(DateOnly? successorFrom)
    {
        if (ValidFrom is not { } from || ValidTo is not { } to)
        {
            return null;
        }

        var last = to;
        if (EndedOn is { } ended && ended < last)
        {
            last = ended;
        }

        if (successorFrom is { } next && next.AddDays(-1) < last)
        {
            last = next.AddDays(-1);
        }

        var start = TrendCalendar.Of(from);
        var until = TrendCalendar.EndOf(last);
        return until > start && last >= from ? (start, until) : null;
    }
}
