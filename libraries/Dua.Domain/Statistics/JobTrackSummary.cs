using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>An area's local job tracks of agreements in force, with their most common occupations.</summary>
public sealed record JobTrackSummary(int Count, int Open, int Places, PersonCount PlacesTaken, ImmutableArray<OccupationTally> TopOccupations)
{
    /// <summary>How many occupations a summary lists.</summary>
    public const int TopOccupationCount = 5;

    /// <summary>Places taken are people: they are shown as <paramref name="counts"/> decided.</summary>
    public static JobTrackSummary Of(JobTrackTally tracks, AreaPersonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(counts);
        return new JobTrackSummary(
            tracks.Count, tracks.Open, tracks.Places, PersonCount.Of(counts[AreaPersonCounts.PlacesTaken]),
            OccupationTally.Top(tracks.Occupations, TopOccupationCount));
    }
}
