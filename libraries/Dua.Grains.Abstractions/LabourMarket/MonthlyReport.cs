using Dua.Grains.Abstractions;
namespace Dua.Grains.Abstractions.LabourMarket;

/// <summary>A municipality's figures for one month as they stand, after any corrections.</summary>
[GenerateSerializer, Immutable, Alias("dua.MonthlyReport")]
public sealed record MonthlyReport(
    [property: Id(0)] string MunicipalityCode,
    [property: Id(1)] DateOnly Month,
    [property: Id(2)] MonthlyFigures Figures,
    [property: Id(3)] int Revision,
    [property: Id(4)] DateTimeOffset ReportedAt);
