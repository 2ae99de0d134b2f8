using System.Collections.Immutable;

namespace Dua.Domain.JobTracks;

/// <summary>What a client sets on a local job track (lokalt jobbspår).</summary>
public sealed record JobTrackSpec(
    string Name,
    string OccupationCode,
    ImmutableArray<Employer> Employers,
    string SwedishLevel,
    ImmutableArray<string> Prerequisites,
    ImmutableArray<JobTrackComponent> Components,
    int LengthWeeks,
    int Places)
{
    /// <summary>A local job track runs from about twelve weeks to two years.</summary>
    public const int MinLengthWeeks = 12;

    public const int MaxLengthWeeks = 104;

    public const int MaxPlaces = 10_000;

    public const int MaxComponents = 10;
}
