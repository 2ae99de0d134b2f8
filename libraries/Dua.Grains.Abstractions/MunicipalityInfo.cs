namespace Dua.Grains.Abstractions;

/// <summary>A municipality (kommun) with the county it lies in.</summary>
[GenerateSerializer, Immutable, Alias("dua.MunicipalityInfo")]
public sealed record MunicipalityInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] string RegionName);
