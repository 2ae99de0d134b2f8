using Dua.Domain.LabourMarket;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.LabourMarket;

/// <summary>
/// One municipality's unemployment for one month, as stored and passed between grains; what makes figures possible
/// is the domain's to say (<see cref="MonthlyFiguresRules"/>). Ids are stable: never renumber or reuse them.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.MonthlyFigures")]
public sealed record MonthlyFigures(
    [property: Id(0)] int Unemployed16To64,
    [property: Id(1)] int Unemployed18To24,
    [property: Id(2)] int UnemployedNewcomers,
    [property: Id(3)] int UnemployedOver12Months,
    [property: Id(4)] double? UnemploymentRate) : IMonthlyFigures;
