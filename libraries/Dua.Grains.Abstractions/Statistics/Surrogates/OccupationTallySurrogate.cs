using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="OccupationTally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.OccupationTally")]
public readonly record struct OccupationTallySurrogate(
    [property: Id(0)] string OccupationCode,
    [property: Id(1)] int JobTracks,
    [property: Id(2)] int Places);

[RegisterConverter]
public sealed class OccupationTallyConverter : IConverter<OccupationTally, OccupationTallySurrogate>
{
    public OccupationTally ConvertFromSurrogate(in OccupationTallySurrogate surrogate) =>
        new(surrogate.OccupationCode, surrogate.JobTracks, surrogate.Places);

    public OccupationTallySurrogate ConvertToSurrogate(in OccupationTally value) =>
        new(value.OccupationCode, value.JobTracks, value.Places);
}
