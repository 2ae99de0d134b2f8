using System.Collections.Immutable;
using Dua.Grains.LabourMarket;

namespace Dua.Grains.Statistics;

/// <summary>
/// One municipality's two latest reported months (newest first): enough for the county's latest month and its
/// change from the month before. <see cref="Version"/> counts the municipality's reports.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.LabourMarketFacts")]
public sealed record LabourMarketFacts(
    [property: Id(0)] string MunicipalityCode,
    [property: Id(1)] long Version,
    [property: Id(2)] ImmutableArray<MonthlyReport> LatestMonths)
{
    public const int MonthsKept = 2;
}
