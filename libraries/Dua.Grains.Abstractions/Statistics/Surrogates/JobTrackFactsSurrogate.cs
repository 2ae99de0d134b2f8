using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="JobTrackFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackFacts")]
public readonly record struct JobTrackFactsSurrogate(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] bool Open,
    [property: Id(2)] int Places,
    [property: Id(3)] int PlacesTaken);

[RegisterConverter]
public sealed class JobTrackFactsConverter : IConverter<JobTrackFacts, JobTrackFactsSurrogate>
{
    public JobTrackFacts ConvertFromSurrogate(in JobTrackFactsSurrogate surrogate) =>
        new(surrogate.OccupationCode, surrogate.Open, surrogate.Places, surrogate.PlacesTaken);

    public JobTrackFactsSurrogate ConvertToSurrogate(in JobTrackFacts value) =>
        new(value.OccupationCode, value.Open, value.Places, value.PlacesTaken);
}
