using Dua.ReferenceData;

namespace Dua.Domain;

/// <summary>
/// The counties and municipalities the platform knows: SCB's code lists. A code outside them names nothing, and a
/// request about it is refused as not found.
/// </summary>
public static class KnownAreas
{
    /// <summary>The entity a <see cref="DomainRuleException.NotFound"/> names for an unknown county.</summary>
    public const string County = "county";

    /// <summary>The entity a <see cref="DomainRuleException.NotFound"/> names for an unknown municipality.</summary>
    public const string Municipality = "municipality";

    public static ReferenceData.County RequireCounty(string countyCode) =>
        Geography.Sweden.FindCounty(countyCode) ?? throw DomainRuleException.NotFound(County, $"County '{countyCode}' was not found.");

    public static MunicipalityEntry RequireMunicipality(string municipalityCode) =>
        Geography.Sweden.FindMunicipality(municipalityCode)
            ?? throw DomainRuleException.NotFound(Municipality, $"Municipality '{municipalityCode}' was not found.");
}
