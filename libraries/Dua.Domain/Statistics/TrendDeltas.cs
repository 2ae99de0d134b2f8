namespace Dua.Domain.Statistics;

/// <summary>
/// Month figures as changes: flows counted in their month, states as "+1 from this month, −1 from that month",
/// and the days to exit of each month's exits as a histogram. Adding or taking away one participant, agreement or
/// report costs a few entries; <see cref="ToTally"/> sums the states up over the months. Not thread-safe.
/// </summary>
public sealed class TrendDeltas
{
    private readonly Dictionary<int, long[]> _months = [];
    private readonly Dictionary<int, Dictionary<int, long>> _days = [];

    public bool IsEmpty => _months.Count == 0;

    public void Add(int month, int slot, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        if (!_months.TryGetValue(month, out var cells))
        {
            cells = new long[TrendSlots.Count];
            _months[month] = cells;
        }

        cells[slot] += delta;
    }

    /// <summary>A state held from <paramref name="from"/> up to, not including, <paramref name="until"/> (null: still held).</summary>
    public void AddState(int slot, int from, int? until, long delta)
    {
        if (until is { } end && end <= from)
        {
            return;
        }

        Add(from, slot, delta);
        if (until is { } last)
        {
            Add(last, slot, -delta);
        }
    }

    public void AddDaysToExit(int month, int days, long delta)
    {
        if (!_days.TryGetValue(month, out var histogram))
        {
            histogram = [];
            _days[month] = histogram;
        }

        var count = histogram.GetValueOrDefault(days) + delta;
        if (count == 0)
        {
            histogram.Remove(days);
        }
        else
        {
            histogram[days] = count;
        }
    }

    public void AddAll(TrendDeltas other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (month, cells) in other._months)
        {
            for (var slot = 0; slot < cells.Length; slot++)
            {
                Add(month, slot, cells[slot]);
            }
        }

        foreach (var (month, histogram) in other._days)
        {
            foreach (var (days, count) in histogram)
            {
                AddDaysToExit(month, days, count);
            }
        }
    }

    /// <summary>
    /// The month figures from the first month with a change (not before <see cref="TrendCalendar.Earliest"/>) to the
    /// last (not after <paramref name="lastMonth"/>). States changed before the earliest month start from it;
    /// flows before it and anything after <paramref name="lastMonth"/> are left out, since no trend shows them.
    /// </summary>
    public TrendTally ToTally(int lastMonth)
    {
        var months = _months.Keys.Where(m => m <= lastMonth).ToList();
        if (months.Count == 0)
        {
            return TrendTally.Empty;
        }

        var first = Math.Max(months.Min(), TrendCalendar.Earliest);
        var last = Math.Max(months.Max(), first);
        var count = last - first + 1;
        var cells = new long[count * TrendSlots.Count];
        var state = new long[TrendSlots.Count];
        foreach (var (month, deltas) in _months.Where(m => m.Key < first))
        {
            AddStates(state, deltas);
        }

        for (var i = 0; i < count; i++)
        {
            var row = cells.AsSpan(i * TrendSlots.Count, TrendSlots.Count);
            if (_months.TryGetValue(first + i, out var deltas))
            {
                AddStates(state, deltas);
                for (var slot = 0; slot < TrendSlots.Count; slot++)
                {
                    if (!TrendSlots.IsState(slot))
                    {
                        row[slot] = deltas[slot];
                    }
                }
            }

            for (var slot = 0; slot < TrendSlots.Count; slot++)
            {
                if (TrendSlots.IsState(slot))
                {
                    row[slot] = state[slot];
                }
            }
        }

        var days = new TrendDays[count];
        for (var i = 0; i < count; i++)
        {
            days[i] = _days.TryGetValue(first + i, out var histogram) ? TrendDays.Of(histogram) : TrendDays.Empty;
        }

        return new TrendTally(first, [.. cells], [.. days]);
    }

    private static void AddStates(long[] state, long[] deltas)
    {
        for (var slot = 0; slot < TrendSlots.Count; slot++)
        {
            if (TrendSlots.IsState(slot))
            {
                state[slot] += deltas[slot];
            }
        }
    }
}
