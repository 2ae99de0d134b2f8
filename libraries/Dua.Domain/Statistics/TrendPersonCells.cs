namespace Dua.Domain.Statistics;

/// <summary>
/// The counts of people one area's trend shows, month by month, as cells that may be withheld: enrolments, those in
/// each module at the month's end, exits in all and by outcome. Starts from primary suppression;
/// <see cref="TrendSuppression"/> withholds more.
/// </summary>
public sealed class TrendPersonCells
{
    public const int Enrolled = 0;
    public const int InModule1 = 1;
    public const int InModule2 = 2;
    public const int InModule3 = 3;
    public const int Exited = 4;
    private const int FirstExit = 5;

    public static int SlotCount { get; } = FirstExit + ParticipantTally.OutcomeSlots;

    private readonly TrendTally _tally;
    private readonly PersonCell[] _cells;

    private TrendPersonCells(TrendTally tally, int firstMonth, int monthCount, Disclosure disclosure)
    {
        _tally = tally;
        FirstMonth = firstMonth;
        MonthCount = monthCount;
        Disclosure = disclosure;
        _cells = new PersonCell[monthCount * SlotCount];
        for (var i = 0; i < monthCount; i++)
        {
            for (var slot = 0; slot < SlotCount; slot++)
            {
                var value = ValueOf(tally, firstMonth + i, slot);
                _cells[(i * SlotCount) + slot] = new PersonCell(value, PersonCounts.Withholds(value, disclosure));
            }
        }
    }

    public int FirstMonth { get; }

    public int MonthCount { get; }

    public Disclosure Disclosure { get; }

    public static int Exit(int outcome) => FirstExit + outcome;

    /// <summary>Cells for <paramref name="monthCount"/> months from <paramref name="firstMonth"/>, with primary suppression.</summary>
    public static TrendPersonCells Of(TrendTally tally, int firstMonth, int monthCount, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new TrendPersonCells(tally, firstMonth, Math.Max(monthCount, 0), disclosure);
    }

    /// <summary>The cell of a month; a month outside the planned ones gets primary suppression only.</summary>
    public PersonCell this[int month, int slot] =>
        month >= FirstMonth && month < FirstMonth + MonthCount
            ? _cells[((month - FirstMonth) * SlotCount) + slot]
            : Outside(month, slot);

    /// <summary>Marks a shown cell as shown elsewhere too (<see cref="PersonCell.Pinned"/>); a withheld one stays withheld.</summary>
    public void Pin(int month, int slot)
    {
        var index = ((month - FirstMonth) * SlotCount) + slot;
        if (month >= FirstMonth && month < FirstMonth + MonthCount && !_cells[index].Withheld)
        {
            _cells[index] = new PersonCell(_cells[index].Value, false) { Pinned = true };
        }
    }

    private PersonCell Outside(int month, int slot)
    {
        var value = ValueOf(_tally, month, slot);
        return new PersonCell(value, PersonCounts.Withholds(value, Disclosure));
    }

    private static long ValueOf(TrendTally tally, int month, int slot) => slot switch
    {
        Enrolled => tally.Value(month, TrendSlots.Enrolled),
        InModule1 => tally.Value(month, TrendSlots.InModule1),
        InModule2 => tally.Value(month, TrendSlots.InModule2),
        InModule3 => tally.Value(month, TrendSlots.InModule3),
        Exited => tally.Exited(month),
        _ => tally.Value(month, TrendSlots.Exit(slot - FirstExit)),
    };
}
