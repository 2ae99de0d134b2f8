using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>Job tracks (open or closed) into one occupation, and their open places.</summary>
public sealed record OccupationTally(string OccupationCode, int JobTracks, int Places)
{
    /// <summary>Adds up by occupation, ordered by code.</summary>
    public static ImmutableArray<OccupationTally> Sum(IEnumerable<OccupationTally> tallies) =>
        [.. tallies.GroupBy(t => t.OccupationCode, StringComparer.Ordinal)
            .Select(g => new OccupationTally(g.Key, g.Sum(t => t.JobTracks), g.Sum(t => t.Places)))
            .OrderBy(t => t.OccupationCode, StringComparer.Ordinal)];

    /// <summary>The most common occupations first: by job tracks, then open places, then code.</summary>
    public static ImmutableArray<OccupationTally> Top(IEnumerable<OccupationTally> tallies, int count) =>
        [.. tallies
            .OrderByDescending(o => o.JobTracks).ThenByDescending(o => o.Places).ThenBy(o => o.OccupationCode, StringComparer.Ordinal)
            .Take(count)];
}
