using System.Collections.Immutable;
using Dua.Domain.Requests;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.LabourMarket;

/// <summary>One municipality's monthly labour-market figures; keyed by <see cref="GrainKeys.LabourMarket"/>.</summary>
[Alias("dua.ILabourMarketGrain")]
public interface ILabourMarketGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reports a month's figures; a month reported before is replaced (a correction). <paramref name="month"/> is
    /// the first day of the month, not after the current month.
    /// </summary>
    [Alias("Report")]
    Task<MonthlyReport> ReportAsync(RequestKey request, DateOnly month, MonthlyFigures figures);

    /// <summary>The month's figures, or null when the month was never reported.</summary>
    [Alias("Get")]
    Task<MonthlyReport?> GetAsync(DateOnly month);

    [Alias("List")]
    Task<ImmutableArray<MonthlyReport>> ListAsync(MonthlyReportQuery query);

    /// <summary>What the county's aggregates need of this municipality's reports.</summary>
    [Alias("GetFacts")]
    Task<LabourMarketFacts> GetFactsAsync();
}
