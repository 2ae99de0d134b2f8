using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Statistics;
using Dua.Silo.Audit;
using Dua.Silo.Statistics;
using Grpc.Core;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Silo.Api;

/// <summary>dua.v1.OperationsService: checks of the live statistics against the authoritative state, and the audit trail.</summary>
public sealed class OperationsApi(IGrainFactory grains, AuditEntryListing audit, ILogger<OperationsApi> logger) : OperationsService.OperationsServiceBase
{
    public override async Task<RecountRegionResponse> RecountRegion(RecountRegionRequest request, ServerCallContext context)
    {
        var county = ScbCodes.RequireKnownCounty("region_code", request.RegionCode);

        var result = await grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(county.Code)).RecountAsync(request.Repair);
        var response = result.MapToContract();
        if (!response.Equal)
        {
            logger.LogWarning("Recount of county {CountyCode}: live statistics differ in {Count} figures{Repair}",
                county.Code, response.Differences.Count, request.Repair ? "; repaired" : "");
        }

        return response;
    }

    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);
}
