using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Statistics;
using Dua.ReferenceData;
using Dua.Silo.Audit;
using Dua.Silo.Statistics;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>dua.v1.OperationsService: checks of the live aggregates against the authoritative state.</summary>
public sealed class OperationsApi(IGrainFactory grains, AuditEntryListing audit, ILogger<OperationsApi> logger) : OperationsService.OperationsServiceBase
{
    public override async Task<RecountRegionResponse> RecountRegion(RecountRegionRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireRegionCode("region_code", request.RegionCode).ThrowIfInvalid();
        if (Geography.Sweden.FindCounty(request.RegionCode) is null)
        {
            ApiErrors.NotFound("dua.v1.Region", request.RegionCode);
        }

        var result = await grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(request.RegionCode)).RecountAsync(request.Repair);
        var live = result.Live.ToRegionSummary(Disclosure.Exact);
        var recount = result.Recount.ToRegionSummary(Disclosure.Exact);
        var differences = SummaryDifferences.Between(live, recount);
        foreach (var municipality in result.Recount.Municipalities.Keys)
        {
            differences = [.. differences, .. SummaryDifferences.Between(
                result.Live.ToMunicipalitySummary(municipality, Disclosure.Exact),
                result.Recount.ToMunicipalitySummary(municipality, Disclosure.Exact))
                .Select(d => $"municipality {municipality}: {d}")];
        }

        if (differences.Count > 0)
        {
            logger.LogWarning("Recount of county {RegionCode}: live aggregates differ in {Count} figures{Repair}",
                request.RegionCode, differences.Count, request.Repair ? "; repaired" : "");
        }

        var response = new RecountRegionResponse
        {
            Live = live,
            Recount = recount,
            Equal = differences.Count == 0,
            Repaired = request.Repair && differences.Count > 0,
        };
        response.Differences.AddRange(differences);
        return response;
    }

    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);
}
