using System.Collections.Immutable;
using Dua.Domain.LabourMarket;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="LabourMarketFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.LabourMarketFacts")]
public readonly record struct LabourMarketFactsSurrogate(
    [property: Id(0)] string MunicipalityCode,
    [property: Id(1)] long Version,
    [property: Id(2)] ImmutableArray<ReportedMonth> LatestMonths,
    [property: Id(3)] ImmutableArray<ReportedMonth> Months);

[RegisterConverter]
public sealed class LabourMarketFactsConverter : IConverter<LabourMarketFacts, LabourMarketFactsSurrogate>
{
    public LabourMarketFacts ConvertFromSurrogate(in LabourMarketFactsSurrogate surrogate) =>
        new(surrogate.MunicipalityCode, surrogate.Version, surrogate.LatestMonths, surrogate.Months);

    public LabourMarketFactsSurrogate ConvertToSurrogate(in LabourMarketFacts value) =>
        new(value.MunicipalityCode, value.Version, value.LatestMonths, value.Months);
}
