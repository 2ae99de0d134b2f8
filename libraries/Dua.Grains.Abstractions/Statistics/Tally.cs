using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Grains.Statistics;

/// <summary>
/// The counts of one area (a municipality, a county or the country). Tallies of disjoint areas add up with
/// <see cref="Plus"/>; everything a summary shows (shares, medians, top lists) is derived from these counts, so
/// that adding up never needs the underlying records again.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.Tally")]
public sealed record Tally(
    [property: Id(0)] int Municipalities,
    [property: Id(1)] int YouthCovered,
    [property: Id(2)] int NewcomersCovered,
    [property: Id(3)] ImmutableArray<AgreementTally> Agreements,
    [property: Id(4)] JobTrackTally JobTracks,
    [property: Id(5)] ParticipantTally Participants,
    [property: Id(6)] ImmutableArray<LabourMarketFacts> LabourMarket,
    [property: Id(7)] int OpenDialogues)
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

/// <summary>Agreements of one kind and status.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementTally")]
public sealed record AgreementTally(
    [property: Id(0)] AgreementKind Kind,
    [property: Id(1)] AgreementStatus Status,
    [property: Id(2)] int Count)
{
    /// <summary>Adds up counts of the same kind and status, ordered by kind then status.</summary>
    public static ImmutableArray<AgreementTally> Sum(IEnumerable<AgreementTally> tallies) =>
        [.. tallies.GroupBy(t => (t.Kind, t.Status))
            .Select(g => new AgreementTally(g.Key.Kind, g.Key.Status, g.Sum(t => t.Count)))
            .Where(t => t.Count != 0)
            .OrderBy(t => t.Kind).ThenBy(t => t.Status)];
}
