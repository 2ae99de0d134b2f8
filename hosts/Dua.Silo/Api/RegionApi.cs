using Dua.Contracts.V1;
using Dua.Grains;
using Dua.ReferenceData;
using Grpc.Core;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Api;

/// <summary>dua.v1.RegionService: reads counties from their region grains.</summary>
public sealed class RegionApi(IGrainFactory grains) : RegionService.RegionServiceBase
{
    public override async Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var after = PageToken.Decode(request.PageToken, filter: "", ScbCodes.IsRegionCode, validator);
        validator.ThrowIfInvalid();

        // The shipped code list says which counties exist; their grains hold what the platform knows of them.
        var codes = Geography.Sweden.Counties
            .Select(c => c.Code)
            .Where(code => after is null || string.CompareOrdinal(code, after) > 0)
            .Take(pageSize + 1)
            .ToArray();
        var page = codes.Take(pageSize).ToArray();
        var regions = await Task.WhenAll(page.Select(code => grains.ByKey<IRegionGrain>(GrainKeys.Region(code)).GetAsync()));

        var response = new ListRegionsResponse();
        response.Regions.AddRange(regions.OfType<RegionInfo>().Select(r => r.MapToRegion()));
        if (codes.Length > pageSize)
        {
            response.NextPageToken = new PageToken("", page[^1]).Encode();
        }

        return response;
    }

    public override async Task<GetRegionResponse> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireRegionCode("region_code", request.RegionCode).ThrowIfInvalid();

        var region = await grains.ByKey<IRegionGrain>(GrainKeys.Region(request.RegionCode)).GetAsync();
        if (region is null)
        {
            ApiErrors.NotFound("dua.v1.Region", request.RegionCode);
        }

        return new GetRegionResponse { Region = region.MapToRegion() };
    }
}
