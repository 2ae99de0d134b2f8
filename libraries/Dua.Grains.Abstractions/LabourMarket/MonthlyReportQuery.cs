using Dua.Grains.Abstractions;
namespace Dua.Grains.Abstractions.LabourMarket;

/// <summary>
/// Which reported months to list, newest first: those from <see cref="From"/> to <see cref="To"/> (inclusive,
/// either open) and before <see cref="Before"/> (where the previous page ended), at most <see cref="Limit"/>.
/// Months are the first day of the month.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.MonthlyReportQuery")]
public sealed record MonthlyReportQuery(
    [property: Id(0)] DateOnly? From,
    [property: Id(1)] DateOnly? To,
    [property: Id(2)] DateOnly? Before,
    [property: Id(3)] int Limit);
