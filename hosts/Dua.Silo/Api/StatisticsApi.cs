using Dua.Contracts.V1;
using Dua.Domain.Statistics;
using Dua.Grains;
using Dua.Security;
using Dua.Silo.Security;
using Dua.Silo.Statistics;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Api;

/// <summary>
/// dua.v1.StatisticsService: summaries from this silo's copy of the counties' live aggregates. Regional offices see
/// small counts suppressed, agencies and operations exact counts; how is decided in <see cref="PersonCounts"/>.
/// </summary>
public sealed class StatisticsApi(
    NationalSummaries national,
    NationalTrends trends,
    IOptions<StatisticsOptions> options,
    ILogger<StatisticsApi> logger,
    TimeProvider time) : StatisticsService.StatisticsServiceBase
{
    public override async Task<GetRegionSummaryResponse> GetRegionSummary(GetRegionSummaryRequest request, ServerCallContext context)
    {
        var county = ScbCodes.RequireKnownCounty("region_code", request.RegionCode);
        var caller = context.GetCaller();
        AreaAccess.RequireCounty(caller, county.Code);
        return new GetRegionSummaryResponse { Region = await national.GetRegionAsync(county.Code, CallerDisclosure.Of(caller)) };
    }

    public override async Task<GetMunicipalitySummaryResponse> GetMunicipalitySummary(GetMunicipalitySummaryRequest request, ServerCallContext context)
    {
        var municipality = ScbCodes.RequireKnownMunicipality("municipality_code", request.MunicipalityCode);
        var caller = context.GetCaller();
        AreaAccess.RequireMunicipality(caller, municipality.Code);
        return new GetMunicipalitySummaryResponse { Municipality = await national.GetMunicipalityAsync(municipality, CallerDisclosure.Of(caller)) };
    }

    public override Task<GetNationalSummaryResponse> GetNationalSummary(GetNationalSummaryRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        AreaAccess.RequireCountry(caller);
        return national.GetAsync(CallerDisclosure.Of(caller));
    }

    public override async Task<GetRegionTrendResponse> GetRegionTrend(GetRegionTrendRequest request, ServerCallContext context)
    {
        var (from, to) = TrendValidation.Validate(
            new RequestValidator().RequireRegionCode("region_code", request.RegionCode), request.FromMonth, request.ToMonth, SwedishCalendar.Today(time));
        var county = ScbCodes.RequireKnownCounty("region_code", request.RegionCode);
        var caller = context.GetCaller();
        AreaAccess.RequireCounty(caller, county.Code);
        return new GetRegionTrendResponse
        {
            RegionCode = county.Code,
            RegionName = county.Name,
            Trend = await trends.GetRegionAsync(county.Code, from, to, CallerDisclosure.Of(caller)),
        };
    }

    public override async Task<GetMunicipalityTrendResponse> GetMunicipalityTrend(GetMunicipalityTrendRequest request, ServerCallContext context)
    {
        var (from, to) = TrendValidation.Validate(
            new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode), request.FromMonth, request.ToMonth, SwedishCalendar.Today(time));
        var municipality = ScbCodes.RequireKnownMunicipality("municipality_code", request.MunicipalityCode);
        var caller = context.GetCaller();
        AreaAccess.RequireMunicipality(caller, municipality.Code);
        return new GetMunicipalityTrendResponse
        {
            MunicipalityCode = municipality.Code,
            MunicipalityName = municipality.Name,
            RegionCode = municipality.CountyCode,
            Trend = await trends.GetMunicipalityAsync(municipality, from, to, CallerDisclosure.Of(caller)),
        };
    }

    public override Task<GetNationalTrendResponse> GetNationalTrend(GetNationalTrendRequest request, ServerCallContext context)
    {
        var (from, to) = TrendValidation.Validate(new RequestValidator(), request.FromMonth, request.ToMonth, SwedishCalendar.Today(time));
        var caller = context.GetCaller();
        AreaAccess.RequireCountry(caller);
        return trends.GetNationalAsync(from, to, CallerDisclosure.Of(caller));
    }

    /// <summary>
    /// Looks at this silo's copy every <see cref="StatisticsOptions.WatchInterval"/> and sends the summary when it
    /// changed (or after a heartbeat's time without change). Only the latest summary is ever sent: a slow reader
    /// holds up its own loop, never a queue. While the county's aggregates are unreachable (a silo failing over),
    /// the stream stays open and sends again once they are back.
    /// </summary>
    public override async Task WatchRegionSummary(
        WatchRegionSummaryRequest request, IServerStreamWriter<WatchRegionSummaryResponse> responseStream, ServerCallContext context)
    {
        var county = ScbCodes.RequireKnownCounty("region_code", request.RegionCode);
        var caller = context.GetCaller();
        AreaAccess.RequireCounty(caller, county.Code);
        var disclosure = CallerDisclosure.Of(caller);
        var settings = options.Value;
        var cancellation = context.CancellationToken;
        RegionSummary? sent = null;
        var sentAt = DateTimeOffset.MinValue;
        while (!cancellation.IsCancellationRequested)
        {
            RegionSummary? current = null;
            try
            {
                current = await national.GetRegionAsync(county.Code, disclosure);
            }
            catch (Exception e) when (GrainErrorInterceptor.IsTransient(e))
            {
                logger.LogInformation("Watch of county {CountyCode} waits for its statistics: {Error}", county.Code, e.GetType().Name);
            }

            var now = time.GetUtcNow();
            if (current is not null && (sent is null || !SameFigures(sent, current) || now - sentAt >= settings.WatchHeartbeat))
            {
                await responseStream.WriteAsync(new WatchRegionSummaryResponse { Region = current }, cancellation);
                sent = current;
                sentAt = now;
            }

            try
            {
                await Task.Delay(settings.WatchInterval, time, cancellation);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static bool SameFigures(RegionSummary a, RegionSummary b) =>
        ReferenceEquals(a, b) || SummaryDifferences.Between(a, b).Count == 0;
}
