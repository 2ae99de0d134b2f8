using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="ParticipantTally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantTally")]
public readonly record struct ParticipantTallySurrogate(
    [property: Id(0)] long Enrolled,
    [property: Id(1)] long InModule1,
    [property: Id(2)] long InModule2,
    [property: Id(3)] long InModule3,
    [property: Id(4)] ImmutableArray<long> ExitsByOutcome,
    [property: Id(5)] ImmutableSortedDictionary<int, long> DaysToExit);

[RegisterConverter]
public sealed class ParticipantTallyConverter : IConverter<ParticipantTally, ParticipantTallySurrogate>
{
    public ParticipantTally ConvertFromSurrogate(in ParticipantTallySurrogate surrogate) =>
        new(surrogate.Enrolled, surrogate.InModule1, surrogate.InModule2, surrogate.InModule3, surrogate.ExitsByOutcome, surrogate.DaysToExit);

    public ParticipantTallySurrogate ConvertToSurrogate(in ParticipantTally value) =>
        new(value.Enrolled, value.InModule1, value.InModule2, value.InModule3, value.ExitsByOutcome, value.DaysToExit);
}
