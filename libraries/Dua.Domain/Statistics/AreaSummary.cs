using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>
/// What one area's summary shows, derived from its <see cref="Tally"/>: coverage shares, agreements by kind and
/// status, job tracks and their top occupations, participants (counts of people as the caller may see them, with
/// the share into work or studies and the median days to exit), the latest labour-market month and open dialogues.
/// </summary>
public sealed record AreaSummary(
    DateTimeOffset AsOf,
    int MunicipalityCount,
    Coverage YouthCoverage,
    Coverage NewcomerCoverage,
    ImmutableArray<AgreementTally> Agreements,
    JobTrackSummary JobTracks,
    ParticipantSummary Participants,
    LabourMarketSummary LabourMarket,
    int OpenDialogues)
{
    /// <summary>The summary of one area on its own, with the suppression its own sums need and nothing else.</summary>
    public static AreaSummary Of(Tally tally, DateTimeOffset asOf, Disclosure disclosure) =>
        Of(tally, asOf, AreaPersonCounts.Alone(tally, disclosure));

    /// <summary>The summary of a tally, showing its counts of people as <paramref name="counts"/> decided.</summary>
    public static AreaSummary Of(Tally tally, DateTimeOffset asOf, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(counts);
        return new AreaSummary(
            asOf,
            tally.Municipalities,
            Coverage.Of(tally.YouthCovered, tally.Municipalities),
            Coverage.Of(tally.NewcomersCovered, tally.Municipalities),
            tally.Agreements,
            JobTrackSummary.Of(tally.JobTracks, counts),
            ParticipantSummary.Of(tally.Participants, counts),
            LabourMarketSummary.Of(tally.LabourMarket),
            tally.OpenDialogues);
    }
}
