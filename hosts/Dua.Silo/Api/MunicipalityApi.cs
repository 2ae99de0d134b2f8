using Dua.Contracts.V1;
using Dua.Grains;
using Dua.ReferenceData;
using Grpc.Core;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Api;

/// <summary>dua.v1.MunicipalityService: reads municipalities from their grains and their counties' grains.</summary>
public sealed class MunicipalityApi(IGrainFactory grains) : MunicipalityService.MunicipalityServiceBase
{
    public override async Task<ListMunicipalitiesResponse> ListMunicipalities(ListMunicipalitiesRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var filter = request.RegionCode;
        if (filter.Length > 0)
        {
            validator.RequireRegionCode("region_code", filter);
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var after = PageToken.Decode(request.PageToken, filter, ScbCodes.IsMunicipalityCode, validator);
        validator.ThrowIfInvalid();

        // Municipality codes begin with their county's code, so walking counties in code order lists
        // municipalities in code order; a page reads only the counties it reaches.
        var regionCodes = filter.Length > 0
            ? new[] { filter }
            : Geography.Sweden.Counties.Select(c => c.Code).ToArray();
        if (after is not null)
        {
            regionCodes = regionCodes.Where(code => string.CompareOrdinal(code, after[..2]) >= 0).ToArray();
        }

        var found = new List<Municipality>(pageSize + 1);
        var anyRegion = false;
        foreach (var regionCode in regionCodes)
        {
            var region = await grains.ByKey<IRegionGrain>(GrainKeys.Region(regionCode)).GetAsync();
            if (region is null)
            {
                continue;
            }

            anyRegion = true;
            found.AddRange(region.Municipalities
                .Where(m => after is null || string.CompareOrdinal(m.Code, after) > 0)
                .Take(pageSize + 1 - found.Count)
                .Select(m => m.MapToMunicipality(region)));
            if (found.Count > pageSize)
            {
                break;
            }
        }

        if (filter.Length > 0 && !anyRegion)
        {
            ApiErrors.NotFound("dua.v1.Region", filter);
        }

        var response = new ListMunicipalitiesResponse();
        response.Municipalities.AddRange(found.Take(pageSize));
        if (found.Count > pageSize)
        {
            response.NextPageToken = new PageToken(filter, found[pageSize - 1].MunicipalityCode).Encode();
        }

        return response;
    }

    public override async Task<GetMunicipalityResponse> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context)
    {
        new RequestValidator().RequireMunicipalityCode("municipality_code", request.MunicipalityCode).ThrowIfInvalid();

        var municipality = await grains.ByKey<IMunicipalityGrain>(GrainKeys.Municipality(request.MunicipalityCode)).GetAsync();
        if (municipality is null)
        {
            ApiErrors.NotFound("dua.v1.Municipality", request.MunicipalityCode);
        }

        return new GetMunicipalityResponse { Municipality = municipality.MapToMunicipality() };
    }
}
