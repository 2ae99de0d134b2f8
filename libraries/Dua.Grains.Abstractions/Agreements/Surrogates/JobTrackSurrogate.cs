using System.Collections.Immutable;
using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a job track is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrack")]
public readonly record struct JobTrackSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] JobTrackSpec Spec,
    [property: Id(2)] int PlacesTaken,
    [property: Id(3)] bool Open,
    [property: Id(4)] ImmutableArray<string> ParticipantIds);

[RegisterConverter]
public sealed class JobTrackConverter : IConverter<JobTrack, JobTrackSurrogate>
{
    public JobTrack ConvertFromSurrogate(in JobTrackSurrogate surrogate) =>
        new(surrogate.Id, surrogate.Spec, surrogate.PlacesTaken, surrogate.Open, surrogate.ParticipantIds);

    public JobTrackSurrogate ConvertToSurrogate(in JobTrack value) =>
        new(value.Id, value.Spec, value.PlacesTaken, value.Open, value.ParticipantIds);
}
