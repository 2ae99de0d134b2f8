using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics;

/// <summary>The live counts of a county next to a recount from the authoritative state.</summary>
[GenerateSerializer, Immutable, Alias("dua.RegionRecount")]
public sealed record RegionRecount(
    [property: Id(0)] CountyStatistics Live,
    [property: Id(1)] CountyStatistics Recount,
    [property: Id(2)] bool Repaired);
