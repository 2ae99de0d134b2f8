using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Api;

/// <summary>Maps grain messages to their dua.v1 contract shapes.</summary>
public static class ContractMapping
{
    public static Region MapToRegion(this RegionInfo region) => new()
    {
        RegionCode = region.Code,
        Name = region.Name,
        MunicipalityCount = region.Municipalities.Length,
    };

    public static Municipality MapToMunicipality(this MunicipalityInfo municipality) => new()
    {
        MunicipalityCode = municipality.Code,
        Name = municipality.Name,
        RegionCode = municipality.RegionCode,
        RegionName = municipality.RegionName,
    };

    public static Municipality MapToMunicipality(this MunicipalityRef municipality, RegionInfo region) => new()
    {
        MunicipalityCode = municipality.Code,
        Name = municipality.Name,
        RegionCode = region.Code,
        RegionName = region.Name,
    };
}
