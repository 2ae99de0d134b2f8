using System.Collections.Immutable;

namespace Dua.Grains.Abstractions;

/// <summary>A county (län) and the municipalities it holds, ordered by code.</summary>
[GenerateSerializer, Immutable, Alias("dua.RegionInfo")]
public sealed record RegionInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<MunicipalityRef> Municipalities)
{
    /// <summary>Value equality, including the municipality list (an ImmutableArray compares by reference).</summary>
    public bool SameAs(RegionInfo? other) =>
        other is not null
        && Code == other.Code
        && Name == other.Name
        && Municipalities.SequenceEqual(other.Municipalities);
}
