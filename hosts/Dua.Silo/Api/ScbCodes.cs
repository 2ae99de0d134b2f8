using Dua.ReferenceData;

namespace Dua.Silo.Api;

/// <summary>Shape checks for SCB codes (counties have two digits, municipalities four), and the areas they name.</summary>
public static class ScbCodes
{
    public static bool IsRegionCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiDigit);

    public static bool IsMunicipalityCode(string? code) => code is { Length: 4 } && code.All(char.IsAsciiDigit);

    public static RequestValidator RequireRegionCode(this RequestValidator validator, string field, string? code) =>
        IsRegionCode(code) ? validator : validator.Add(field, "must be a two-digit SCB county code, e.g. \"21\"");

    public static RequestValidator RequireMunicipalityCode(this RequestValidator validator, string field, string? code) =>
        IsMunicipalityCode(code) ? validator : validator.Add(field, "must be a four-digit SCB municipality code, e.g. \"2184\"");

    /// <summary>The county a request names: INVALID_ARGUMENT for a malformed code, NOT_FOUND for one no county has.</summary>
    public static County RequireKnownCounty(string field, string? code) =>
        Known(new RequestValidator().RequireRegionCode(field, code), code!, Geography.Sweden.FindCounty, "dua.v1.Region");

    /// <summary>The municipality a request names: INVALID_ARGUMENT for a malformed code, NOT_FOUND for one no municipality has.</summary>
    public static MunicipalityEntry RequireKnownMunicipality(string field, string? code) =>
        Known(new RequestValidator().RequireMunicipalityCode(field, code), code!, Geography.Sweden.FindMunicipality, "dua.v1.Municipality");

    private static T Known<T>(RequestValidator validator, string code, Func<string, T?> find, string resourceType)
        where T : class
    {
        validator.ThrowIfInvalid();
        var found = find(code);
        if (found is null)
        {
            ApiErrors.NotFound(resourceType, code);
        }

        return found;
    }
}
