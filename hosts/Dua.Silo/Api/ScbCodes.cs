namespace Dua.Silo.Api;

/// <summary>Shape checks for SCB codes: counties have two digits, municipalities four.</summary>
public static class ScbCodes
{
    public static bool IsRegionCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiDigit);

    public static bool IsMunicipalityCode(string? code) => code is { Length: 4 } && code.All(char.IsAsciiDigit);

    public static RequestValidator RequireRegionCode(this RequestValidator validator, string field, string? code) =>
        IsRegionCode(code) ? validator : validator.Add(field, "must be a two-digit SCB county code, e.g. \"21\"");

    public static RequestValidator RequireMunicipalityCode(this RequestValidator validator, string field, string? code) =>
        IsMunicipalityCode(code) ? validator : validator.Add(field, "must be a four-digit SCB municipality code, e.g. \"2184\"");
}
