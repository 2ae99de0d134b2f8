using System.Collections.Immutable;

namespace Dua.Grains.Statistics;

/// <summary>Local job tracks of agreements in force; places count open tracks only.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackTally")]
public sealed record JobTrackTally(
    [property: Id(0)] int Count,
    [property: Id(1)] int Open,
    [property: Id(2)] int Places,
    [property: Id(3)] int PlacesTaken,
    [property: Id(4)] ImmutableArray<OccupationTally> Occupations)
{
    public static JobTrackTally Empty { get; } = new(0, 0, 0, 0, []);

    public JobTrackTally Plus(JobTrackTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new JobTrackTally(
            Count + other.Count, Open + other.Open, Places + other.Places, PlacesTaken + other.PlacesTaken,
            OccupationTally.Sum(Occupations.Concat(other.Occupations)));
    }

    public static JobTrackTally Of(IEnumerable<JobTrackFacts> tracks)
    {
        var count = 0;
        var open = 0;
        var places = 0;
        var taken = 0;
        var occupations = new List<OccupationTally>();
        foreach (var track in tracks)
        {
            count++;
            if (track.Open)
            {
                open++;
                places += track.Places;
                taken += track.PlacesTaken;
            }

            occupations.Add(new OccupationTally(track.OccupationCode, 1, track.Open ? track.Places : 0));
        }

        return new JobTrackTally(count, open, places, taken, OccupationTally.Sum(occupations));
    }
}

/// <summary>Job tracks (open or closed) into one occupation, and their open places.</summary>
[GenerateSerializer, Immutable, Alias("dua.OccupationTally")]
public sealed record OccupationTally(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] int JobTracks,
    [property: Id(2)] int Places)
{
    /// <summary>Adds up by occupation, ordered by code.</summary>
    public static ImmutableArray<OccupationTally> Sum(IEnumerable<OccupationTally> tallies) =>
        [.. tallies.GroupBy(t => t.OccupationCode, StringComparer.Ordinal)
            .Select(g => new OccupationTally(g.Key, g.Sum(t => t.JobTracks), g.Sum(t => t.Places)))
            .OrderBy(t => t.OccupationCode, StringComparer.Ordinal)];
}
