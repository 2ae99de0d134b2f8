using Dua.Domain.LabourMarket;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.LabourMarket.Surrogates;

/// <summary>How Orleans carries a <see cref="ReportedMonth"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.ReportedMonth")]
public readonly record struct ReportedMonthSurrogate(
    [property: Id(0)] DateOnly Month,
    [property: Id(1)] IMonthlyFigures Figures);

[RegisterConverter]
public sealed class ReportedMonthConverter : IConverter<ReportedMonth, ReportedMonthSurrogate>
{
    public ReportedMonth ConvertFromSurrogate(in ReportedMonthSurrogate surrogate) =>
        new(surrogate.Month, surrogate.Figures);

    public ReportedMonthSurrogate ConvertToSurrogate(in ReportedMonth value) =>
        new(value.Month, value.Figures);
}
