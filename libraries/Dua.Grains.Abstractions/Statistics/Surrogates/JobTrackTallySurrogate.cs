using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="JobTrackTally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackTally")]
public readonly record struct JobTrackTallySurrogate(
    [property: Id(0)] int Count,
    [property: Id(1)] int Open,
    [property: Id(2)] int Places,
    [property: Id(3)] int PlacesTaken,
    [property: Id(4)] ImmutableArray<OccupationTally> Occupations);

[RegisterConverter]
public sealed class JobTrackTallyConverter : IConverter<JobTrackTally, JobTrackTallySurrogate>
{
    public JobTrackTally ConvertFromSurrogate(in JobTrackTallySurrogate surrogate) =>
        new(surrogate.Count, surrogate.Open, surrogate.Places, surrogate.PlacesTaken, surrogate.Occupations);

    public JobTrackTallySurrogate ConvertToSurrogate(in JobTrackTally value) =>
        new(value.Count, value.Open, value.Places, value.PlacesTaken, value.Occupations);
}
