using System.Collections.Immutable;
using Dua.Domain.Participants;

namespace Dua.Domain.Statistics;

/// <summary>
/// An area's participants as a caller may see them: by module, exits by outcome, and, once anyone has left, the
/// share who left for work or studies and the median days to exit.
/// </summary>
public sealed record ParticipantSummary(
    PersonCount Enrolled,
    PersonCount InModule1,
    PersonCount InModule2,
    PersonCount InModule3,
    PersonCount Exited,
    ImmutableArray<OutcomeCount> ExitsByOutcome,
    PersonFigure? ExitedToWorkOrStudies,
    PersonFigure? MedianDaysToExit)
{
    /// <summary>The outcomes a summary counts exits by, in their order.</summary>
    public static readonly ImmutableArray<ExitOutcome> Outcomes =
        [.. Enum.GetValues<ExitOutcome>().Where(o => o != ExitOutcome.Unspecified)];

    public static ParticipantSummary Of(ParticipantTally participants, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(counts);
        PersonFigure? share = null;
        PersonFigure? median = null;
        var exited = participants.Exited;
        if (exited > 0)
        {
            // A share times the shown exits would give its numerator away, so it is withheld with any count it
            // derives from, as is the median with the exits.
            var toWorkOrStudies = participants.ExitedTo(ParticipantTally.WorkOrStudies);
            var exitsWithheld = counts[AreaPersonCounts.Exited].Withheld;
            var shareWithheld = exitsWithheld || PersonCounts.Withholds(toWorkOrStudies, counts.Disclosure)
                || ParticipantTally.WorkOrStudies.Any(o => counts[AreaPersonCounts.Exit((int)o)].Withheld);
            share = PersonFigure.Of((double)toWorkOrStudies / exited, shareWithheld);
            median = PersonFigure.Of(participants.MedianDaysToExit()!.Value, exitsWithheld);
        }

        return new ParticipantSummary(
            Count(counts, AreaPersonCounts.Enrolled),
            Count(counts, AreaPersonCounts.InModule1),
            Count(counts, AreaPersonCounts.InModule2),
            Count(counts, AreaPersonCounts.InModule3),
            Count(counts, AreaPersonCounts.Exited),
            [.. Outcomes.Select(o => new OutcomeCount(o, Count(counts, AreaPersonCounts.Exit((int)o))))],
            share,
            median);
    }

    private static PersonCount Count(AreaPersonCounts counts, int slot) => PersonCount.Of(counts[slot]);
}
