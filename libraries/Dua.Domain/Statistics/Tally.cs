using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>
/// The counts of one area (a municipality, a county or the country). Tallies of disjoint areas add up with
/// <see cref="Plus"/>; everything a summary shows (shares, medians, top lists) is derived from these counts
/// (<see cref="AreaSummary"/>), so that adding up never needs the underlying records again.
/// </summary>
public sealed record Tally(
    int Municipalities,
    int YouthCovered,
    int NewcomersCovered,
    ImmutableArray<AgreementTally> Agreements,
    JobTrackTally JobTracks,
    ParticipantTally Participants,
    ImmutableArray<LabourMarketFacts> LabourMarket,
    int OpenDialogues)
{
    public static Tally Empty { get; } = new(0, 0, 0, [], JobTrackTally.Empty, ParticipantTally.Empty, [], 0);

    public Tally Plus(Tally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Tally(
            Municipalities + other.Municipalities,
            YouthCovered + other.YouthCovered,
            NewcomersCovered + other.NewcomersCovered,
            AgreementTally.Sum(Agreements.Concat(other.Agreements)),
            JobTracks.Plus(other.JobTracks),
            Participants.Plus(other.Participants),
            LabourMarket.AddRange(other.LabourMarket),
            OpenDialogues + other.OpenDialogues);
    }
}
