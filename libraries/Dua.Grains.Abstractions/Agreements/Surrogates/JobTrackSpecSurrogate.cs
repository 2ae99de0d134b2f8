using System.Collections.Immutable;
using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How what a job track was set to is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackSpec")]
public readonly record struct JobTrackSpecSurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] string OccupationCode,
    [property: Id(2)] ImmutableArray<Employer> Employers,
    [property: Id(3)] string SwedishLevel,
    [property: Id(4)] ImmutableArray<string> Prerequisites,
    [property: Id(5)] ImmutableArray<JobTrackComponent> Components,
    [property: Id(6)] int LengthWeeks,
    [property: Id(7)] int Places);

[RegisterConverter]
public sealed class JobTrackSpecConverter : IConverter<JobTrackSpec, JobTrackSpecSurrogate>
{
    public JobTrackSpec ConvertFromSurrogate(in JobTrackSpecSurrogate surrogate) =>
        new(surrogate.Name, surrogate.OccupationCode, surrogate.Employers, surrogate.SwedishLevel,
            surrogate.Prerequisites, surrogate.Components, surrogate.LengthWeeks, surrogate.Places);

    public JobTrackSpecSurrogate ConvertToSurrogate(in JobTrackSpec value) =>
        new(value.Name, value.OccupationCode, value.Employers, value.SwedishLevel, value.Prerequisites,
            value.Components, value.LengthWeeks, value.Places);
}
