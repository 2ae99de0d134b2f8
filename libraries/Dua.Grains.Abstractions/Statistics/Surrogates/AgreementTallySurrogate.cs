using Dua.Domain.Agreements;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="AgreementTally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementTally")]
public readonly record struct AgreementTallySurrogate(
    [property: Id(0)] AgreementKind Kind,
    [property: Id(1)] AgreementStatus Status,
    [property: Id(2)] int Count);

[RegisterConverter]
public sealed class AgreementTallyConverter : IConverter<AgreementTally, AgreementTallySurrogate>
{
    public AgreementTally ConvertFromSurrogate(in AgreementTallySurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Status, surrogate.Count);

    public AgreementTallySurrogate ConvertToSurrogate(in AgreementTally value) =>
        new(value.Kind, value.Status, value.Count);
}
