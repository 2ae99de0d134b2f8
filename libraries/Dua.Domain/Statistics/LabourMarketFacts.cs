using System.Collections.Immutable;
using Dua.Domain.LabourMarket;

namespace Dua.Domain.Statistics;

/// <summary>
/// One municipality's latest reported months (newest first): enough for an area's latest month and its change from
/// the month before. <see cref="Version"/> grows with every report of the municipality.
/// </summary>
public sealed record LabourMarketFacts(string MunicipalityCode, long Version, ImmutableArray<ReportedMonth> LatestMonths)
{
    /// <summary>The months the statistics keep of a municipality: the latest and the one before it.</summary>
    public const int MonthsKept = 2;

    /// <summary>The facts of a municipality's reported months: the <see cref="MonthsKept"/> newest.</summary>
    public static LabourMarketFacts Of(string municipalityCode, long version, IEnumerable<ReportedMonth> months) =>
        new(municipalityCode, version, [.. months.OrderByDescending(m => m.Month).Take(MonthsKept)]);
}
