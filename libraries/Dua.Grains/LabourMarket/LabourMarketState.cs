using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.LabourMarket;

namespace Dua.Grains.LabourMarket;

/// <summary>Persisted state of <see cref="LabourMarketGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.LabourMarketState")]
public sealed class LabourMarketState
{
    /// <summary>Reported months (first day of the month) and their figures: twelve a year.</summary>
    [Id(0)] public Dictionary<DateOnly, MonthlyReport> Months { get; set; } = [];

    [Id(1)] public RequestLedger Requests { get; set; } = new();
}
