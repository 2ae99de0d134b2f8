namespace Dua.Domain.Statistics;

/// <summary>
/// The counts of people one area's summary shows, as cells that may be withheld, and the sums they form inside
/// that summary. Starts from primary suppression; <see cref="CountrySuppression"/> withholds more across areas.
/// </summary>
public sealed class AreaPersonCounts
{
    public const int Enrolled = 0;
    public const int InModule1 = 1;
    public const int InModule2 = 2;
    public const int InModule3 = 3;
    public const int Exited = 4;
    public const int PlacesTaken = 5;
    private const int FirstExit = 6;

    public static int SlotCount { get; } = FirstExit + ParticipantTally.OutcomeSlots;

    private readonly PersonCell[] _cells;

    private AreaPersonCounts(PersonCell[] cells, Disclosure disclosure)
    {
        _cells = cells;
        Disclosure = disclosure;
    }

    public Disclosure Disclosure { get; }

    public PersonCell this[int slot] => _cells[slot];

    public static int Exit(int outcome) => FirstExit + outcome;

    public static AreaPersonCounts Of(Tally tally, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var participants = tally.Participants;
        var values = new long[SlotCount];
        values[Enrolled] = participants.Enrolled;
        values[InModule1] = participants.InModule1;
        values[InModule2] = participants.InModule2;
        values[InModule3] = participants.InModule3;
        values[Exited] = participants.Exited;
        values[PlacesTaken] = tally.JobTracks.PlacesTaken;
        for (var outcome = 0; outcome < ParticipantTally.OutcomeSlots; outcome++)
        {
            values[Exit(outcome)] = participants.ExitsByOutcome[outcome];
        }

        return new AreaPersonCounts([.. values.Select(v => new PersonCell(v, PersonCounts.Withholds(v, disclosure)))], disclosure);
    }

    /// <summary>The counts of one area, with the secondary suppression its own sums need and nothing else.</summary>
    public static AreaPersonCounts Alone(Tally tally, Disclosure disclosure)
    {
        var counts = Of(tally, disclosure);
        if (disclosure == Disclosure.SuppressSmallCounts)
        {
            while (counts.WithholdComplements())
            {
            }
        }

        return counts;
    }

    /// <summary>Applies secondary suppression once to each sum inside the summary; true when it withheld more.</summary>
    public bool WithholdComplements()
    {
        var changed = false;
        // Everyone enrolled is in a module or has left; everyone who left did so with one outcome.
        changed |= PersonCounts.WithholdComplement(_cells[Enrolled], [_cells[InModule1], _cells[InModule2], _cells[InModule3], _cells[Exited]]);
        changed |= PersonCounts.WithholdComplement(_cells[Exited], _cells[FirstExit..]);
        return changed;
    }
}
