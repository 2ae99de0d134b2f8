using System.Collections.Immutable;

namespace Dua.Grains.Statistics;

/// <summary>The live aggregates of a county next to a recount from the authoritative state.</summary>
[GenerateSerializer, Immutable, Alias("dua.RegionRecount")]
public sealed record RegionRecount(
    [property: Id(0)] RegionStatistics Live,
    [property: Id(1)] RegionStatistics Recount,
    [property: Id(2)] bool Repaired);
