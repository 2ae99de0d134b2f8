namespace Dua.Grains.Abstractions;

/// <summary>A municipality as its county lists it: code and name.</summary>
[GenerateSerializer, Immutable, Alias("dua.MunicipalityRef")]
public sealed record MunicipalityRef(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name);
