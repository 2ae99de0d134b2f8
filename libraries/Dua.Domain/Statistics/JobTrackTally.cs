using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>Local job tracks of agreements in force; places count open tracks only.</summary>
public sealed record JobTrackTally(int Count, int Open, int Places, int PlacesTaken, ImmutableArray<OccupationTally> Occupations)
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
