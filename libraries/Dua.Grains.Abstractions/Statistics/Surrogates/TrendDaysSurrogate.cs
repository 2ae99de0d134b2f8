using System.Collections.Immutable;
using Dua.Domain.Statistics;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="TrendDays"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.TrendDays")]
public readonly record struct TrendDaysSurrogate(
    [property: Id(0)] ImmutableArray<int> Days,
    [property: Id(1)] ImmutableArray<long> Counts);

[RegisterConverter]
public sealed class TrendDaysConverter : IConverter<TrendDays, TrendDaysSurrogate>
{
    public TrendDays ConvertFromSurrogate(in TrendDaysSurrogate surrogate) =>
        surrogate.Days.IsDefaultOrEmpty ? TrendDays.Empty : new(surrogate.Days, surrogate.Counts);

    public TrendDaysSurrogate ConvertToSurrogate(in TrendDays value) => new(value.Days, value.Counts);
}
