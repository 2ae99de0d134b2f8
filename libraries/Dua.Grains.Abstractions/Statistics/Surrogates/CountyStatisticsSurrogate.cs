using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="CountyStatistics"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.CountyStatistics")]
public readonly record struct CountyStatisticsSurrogate(
    [property: Id(0)] string CountyCode,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] long Version,
    [property: Id(3)] Tally County,
    [property: Id(4)] ImmutableSortedDictionary<string, Tally> Municipalities,
    [property: Id(5)] ImmutableSortedDictionary<string, ImmutableArray<AgreementGoal>> Goals,
    [property: Id(6)] TrendTally Trend,
    [property: Id(7)] ImmutableSortedDictionary<string, TrendTally> MunicipalityTrends);

[RegisterConverter]
public sealed class CountyStatisticsConverter : IConverter<CountyStatistics, CountyStatisticsSurrogate>
{
    public CountyStatistics ConvertFromSurrogate(in CountyStatisticsSurrogate surrogate) =>
        new(surrogate.CountyCode, surrogate.AsOf, surrogate.Version, surrogate.County, surrogate.Municipalities, surrogate.Goals,
            surrogate.Trend ?? TrendTally.Empty, surrogate.MunicipalityTrends ?? ImmutableSortedDictionary<string, TrendTally>.Empty);

    public CountyStatisticsSurrogate ConvertToSurrogate(in CountyStatistics value) =>
        new(value.CountyCode, value.AsOf, value.Version, value.County, value.Municipalities, value.Goals, value.Trend, value.MunicipalityTrends);
}
