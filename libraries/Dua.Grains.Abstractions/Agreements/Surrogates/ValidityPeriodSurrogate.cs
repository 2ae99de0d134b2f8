using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a period of validity travels to its agreement's grain.</summary>
[GenerateSerializer, Immutable, Alias("dua.ValidityPeriod")]
public readonly record struct ValidityPeriodSurrogate(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] DateOnly To);

[RegisterConverter]
public sealed class ValidityPeriodConverter : IConverter<ValidityPeriod, ValidityPeriodSurrogate>
{
    public ValidityPeriod ConvertFromSurrogate(in ValidityPeriodSurrogate surrogate) =>
        new(surrogate.From, surrogate.To);

    public ValidityPeriodSurrogate ConvertToSurrogate(in ValidityPeriod value) => new(value.From, value.To);
}
