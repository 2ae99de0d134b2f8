using System.Collections.Immutable;
using Dua.Domain.Statistics;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="TrendTally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.TrendTally")]
public readonly record struct TrendTallySurrogate(
    [property: Id(0)] int FirstMonth,
    [property: Id(1)] ImmutableArray<long> Cells,
    [property: Id(2)] ImmutableArray<TrendDays> DaysToExit);

[RegisterConverter]
public sealed class TrendTallyConverter : IConverter<TrendTally, TrendTallySurrogate>
{
    public TrendTally ConvertFromSurrogate(in TrendTallySurrogate surrogate) =>
        new(surrogate.FirstMonth, surrogate.Cells.IsDefault ? [] : surrogate.Cells, surrogate.DaysToExit.IsDefault ? [] : surrogate.DaysToExit);

    public TrendTallySurrogate ConvertToSurrogate(in TrendTally value) => new(value.FirstMonth, value.Cells, value.DaysToExit);
}
