using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a job track's component is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackComponent")]
public readonly record struct JobTrackComponentSurrogate(
    [property: Id(0)] JobTrackComponentKind Kind,
    [property: Id(1)] int Weeks);

[RegisterConverter]
public sealed class JobTrackComponentConverter : IConverter<JobTrackComponent, JobTrackComponentSurrogate>
{
    public JobTrackComponent ConvertFromSurrogate(in JobTrackComponentSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Weeks);

    public JobTrackComponentSurrogate ConvertToSurrogate(in JobTrackComponent value) => new(value.Kind, value.Weeks);
}
