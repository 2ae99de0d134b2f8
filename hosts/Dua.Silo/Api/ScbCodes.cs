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
    public static County RequireKnownCounty(string field, string? code)
    {
        new RequestValidator().RequireRegionCode(field, code).ThrowIfInvalid();
        if (Geography.Sweden.FindCounty(code!) is not { } county)
        {
            ApiErrors.NotFound("dua.v1.Region", code!);
            return null!;
        }

        return county;
    }

    /// <summary>The municipality a request names: INVALID_ARGUMENT for a malformed code, NOT_FOUND for one no municipality has.</summary>
    public static MunicipalityEntry RequireKnownMunicipality(string field, string? code)
    {
        new RequestValidator().RequireMunicipalityCode(field, code).ThrowIfInvalid();
        if (Geography.Sweden.FindMunicipality(code!) is not { } municipality)
        {
            ApiErrors.NotFound("dua.v1.Municipality", code!);
            return null!;
        }

        return municipality;
    }
}
