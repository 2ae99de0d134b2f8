using System.Collections.Immutable;
using Dua.Domain;
using Dua.Domain.LabourMarket;
using Dua.Domain.Requests;
using Dua.Domain.Statistics;
using Dua.Grains.Statistics;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.LabourMarket;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.LabourMarket;

/// <summary>
/// One municipality's monthly unemployment figures. Reporting a month again replaces its figures (a correction);
/// a report is written with its request id before it is acknowledged, so a retry never applies twice. Which months
/// and figures may be reported is the domain's to say.
/// </summary>
public sealed class LabourMarketGrain(
    [PersistentState("labour-market", StorageNames.Platform)] IPersistentState<LabourMarketState> state,
    IGrainFactory grains)
    : Grain, ILabourMarketGrain
{
    private string MunicipalityCode => this.GetPrimaryKeyString()[GrainKeys.LabourMarketPrefix.Length..];

    public async Task<MonthlyReport> ReportAsync(RequestKey request, DateOnly month, MonthlyFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        KnownAreas.RequireMunicipality(MunicipalityCode);
        if (state.State.Requests.IsReplay(request) && state.State.Months.TryGetValue(month, out var reported))
        {
            // The month as it stands: a later correction under another request id wins. The statistics are fed
            // again, in case the first attempt's write landed and its feed did not.
            await FeedStatisticsAsync();
            return reported;
        }

        ReportingMonth.RequireReportable(month, SwedishCalendar.Today());
        figures.RequirePossible();

        var existing = state.State.Months.GetValueOrDefault(month);
        var report = existing is not null && existing.Figures.SameAs(figures)
            ? existing // The same figures again change nothing, but the request id is still remembered.
            : new MonthlyReport(MunicipalityCode, month, figures, (existing?.Revision ?? 0) + 1, DateTimeOffset.UtcNow);
        await SaveAsync(request, report);
        await FeedStatisticsAsync();
        return report;
    }

    public Task<MonthlyReport?> GetAsync(DateOnly month)
    {
        KnownAreas.RequireMunicipality(MunicipalityCode);
        return Task.FromResult(state.State.Months.GetValueOrDefault(month));
    }

    public Task<ImmutableArray<MonthlyReport>> ListAsync(MonthlyReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        KnownAreas.RequireMunicipality(MunicipalityCode);
        return Task.FromResult(state.State.Months.Values
            .Where(r => (query.From is not { } from || r.Month >= from)
                && (query.To is not { } to || r.Month <= to)
                && (query.Before is not { } before || r.Month < before))
            .OrderByDescending(r => r.Month)
            .Take(Math.Max(query.Limit, 0))
            .ToImmutableArray());
    }

    public Task<LabourMarketFacts> GetFactsAsync() => Task.FromResult(Facts());

    // Every report adds one to some month's revision, so their sum orders this municipality's facts.
    private LabourMarketFacts Facts() => LabourMarketFacts.Of(
        MunicipalityCode,
        state.State.Months.Values.Sum(r => (long)r.Revision),
        state.State.Months.Values.Select(r => new ReportedMonth(r.Month, r.Figures)));

    private Task FeedStatisticsAsync() =>
        grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(MunicipalityCode[..2])).RecordLabourMarketAsync(Facts());

    private async Task SaveAsync(RequestKey request, MonthlyReport report)
    {
        state.State.Months[report.Month] = report;
        state.State.Requests.Record(request);
        await state.WriteOrReloadAsync(this);
    }
}
