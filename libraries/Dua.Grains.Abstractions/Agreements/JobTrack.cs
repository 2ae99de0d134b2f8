using System.Collections.Immutable;

namespace Dua.Grains.Agreements;

/// <summary>What a client sets on a local job track (lokalt jobbspår).</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackSpec")]
public sealed record JobTrackSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string OccupationCode,
    [property: Id(2)] ImmutableArray<Employer> Employers,
    [property: Id(3)] string SwedishLevel,
    [property: Id(4)] ImmutableArray<string> Prerequisites,
    [property: Id(5)] ImmutableArray<JobTrackComponent> Components,
    [property: Id(6)] int LengthWeeks,
    [property: Id(7)] int Places);

/// <summary>A job track as its agreement holds it.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrack")]
public sealed record JobTrack(
    [property: Id(0)] string Id,
    [property: Id(1)] JobTrackSpec Spec,
    [property: Id(2)] int PlacesTaken,
    [property: Id(3)] bool Open,
    [property: Id(4)] ImmutableArray<string> ParticipantIds = default)
{
    /// <summary>The participants now in module 3 on this track, ordered by id.</summary>
    public ImmutableArray<string> Participants => ParticipantIds.IsDefault ? [] : ParticipantIds;

    /// <summary>Without an employer a track is only preparatory, and does not count toward a newcomer agreement's three.</summary>
    public bool IsPreparatory => Spec.Employers.IsDefaultOrEmpty;
}
