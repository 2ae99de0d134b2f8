using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>
/// One area's month figures from <see cref="FirstMonth"/> on, <see cref="TrendSlots.Count"/> cells a month, states
/// already summed up to each month's end. Before the first month every figure is 0; after the last, states hold
/// as at its end and flows are 0. So reading any range of months costs only those months.
/// </summary>
public sealed record TrendTally(int FirstMonth, ImmutableArray<long> Cells, ImmutableArray<TrendDays> DaysToExit)
{
    public static TrendTally Empty { get; } = new(0, [], []);

    public int MonthCount => DaysToExit.Length;

    /// <summary>The month after the last one held (for an empty tally, <see cref="FirstMonth"/>).</summary>
    public int EndMonth => FirstMonth + MonthCount;

    public long Value(int month, int slot)
    {
        if (MonthCount == 0 || month < FirstMonth)
        {
            return 0;
        }

        if (month >= EndMonth)
        {
            return TrendSlots.IsState(slot) ? Cells[((MonthCount - 1) * TrendSlots.Count) + slot] : 0;
        }

        return Cells[((month - FirstMonth) * TrendSlots.Count) + slot];
    }

    public TrendDays Days(int month) => month >= FirstMonth && month < EndMonth ? DaysToExit[month - FirstMonth] : TrendDays.Empty;

    /// <summary>Exits of the month, over every outcome.</summary>
    public long Exited(int month)
    {
        var sum = 0L;
        for (var outcome = 0; outcome < ParticipantTally.OutcomeSlots; outcome++)
        {
            sum += Value(month, TrendSlots.Exit(outcome));
        }

        return sum;
    }

    /// <summary>The figures of two disjoint areas added up month by month.</summary>
    public TrendTally Plus(TrendTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.MonthCount == 0)
        {
            return this;
        }

        if (MonthCount == 0)
        {
            return other;
        }

        var first = Math.Min(FirstMonth, other.FirstMonth);
        var end = Math.Max(EndMonth, other.EndMonth);
        var cells = new long[(end - first) * TrendSlots.Count];
        var days = new TrendDays[end - first];
        for (var month = first; month < end; month++)
        {
            var row = (month - first) * TrendSlots.Count;
            for (var slot = 0; slot < TrendSlots.Count; slot++)
            {
                cells[row + slot] = Value(month, slot) + other.Value(month, slot);
            }

            days[month - first] = Days(month).Plus(other.Days(month));
        }

        return new TrendTally(first, [.. cells], [.. days]);
    }

    /// <summary>The same figures with one state slot replaced by a function of another, month by month.</summary>
    public TrendTally WithState(int slot, Func<int, long> valueAt)
    {
        ArgumentNullException.ThrowIfNull(valueAt);
        if (MonthCount == 0)
        {
            return this;
        }

        var cells = Cells.ToBuilder();
        for (var month = FirstMonth; month < EndMonth; month++)
        {
            cells[((month - FirstMonth) * TrendSlots.Count) + slot] = valueAt(month);
        }

        return this with { Cells = cells.MoveToImmutable() };
    }

    public bool Equals(TrendTally? other) =>
        other is not null && FirstMonth == other.FirstMonth && Cells.SequenceEqual(other.Cells) && DaysToExit.SequenceEqual(other.DaysToExit);

    public override int GetHashCode() => HashCode.Combine(FirstMonth, MonthCount);
}
