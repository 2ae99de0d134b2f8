using System.Collections.Immutable;
using Dua.Domain.Participants;

namespace Dua.Domain.Statistics;

/// <summary>
/// Participants by where they are. Exits are counted per <see cref="ExitOutcome"/> (indexed by its number), and
/// the days from enrolment to exit as a histogram, so medians of merged areas stay exact.
/// </summary>
public sealed record ParticipantTally(
    long Enrolled,
    long InModule1,
    long InModule2,
    long InModule3,
    ImmutableArray<long> ExitsByOutcome,
    ImmutableSortedDictionary<int, long> DaysToExit)
{
    public static readonly int OutcomeSlots = Enum.GetValues<ExitOutcome>().Length;

    /// <summary>The outcomes that count as leaving for work or studies.</summary>
    public static readonly ImmutableArray<ExitOutcome> WorkOrStudies =
        [ExitOutcome.Employment, ExitOutcome.SubsidisedEmployment, ExitOutcome.RegularStudies];

    public static ParticipantTally Empty { get; } =
        new(0, 0, 0, 0, [.. new long[OutcomeSlots]], ImmutableSortedDictionary<int, long>.Empty);

    public long Exited => ExitsByOutcome.Sum();

    public long ExitedTo(IEnumerable<ExitOutcome> outcomes) => outcomes.Sum(o => ExitsByOutcome[(int)o]);

    public ParticipantTally Plus(ParticipantTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var days = DaysToExit.ToBuilder();
        foreach (var (day, count) in other.DaysToExit)
        {
            days[day] = days.GetValueOrDefault(day) + count;
        }

        return new ParticipantTally(
            Enrolled + other.Enrolled, InModule1 + other.InModule1, InModule2 + other.InModule2, InModule3 + other.InModule3,
            [.. ExitsByOutcome.Zip(other.ExitsByOutcome, (a, b) => a + b)], days.ToImmutable());
    }

    /// <summary>The median of the days to exit (the mean of the two middle values for an even count), or null without exits.</summary>
    public double? MedianDaysToExit()
    {
        var total = DaysToExit.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        // The 0-based ranks of the middle value(s).
        var lowRank = (total - 1) / 2;
        var highRank = total / 2;
        int? low = null;
        var seen = 0L;
        foreach (var (day, count) in DaysToExit)
        {
            seen += count;
            if (low is null && seen > lowRank)
            {
                low = day;
            }

            if (seen > highRank)
            {
                return (low!.Value + day) / 2.0;
            }
        }

        throw new InvalidOperationException("The histogram's counts do not add up.");
    }
}
