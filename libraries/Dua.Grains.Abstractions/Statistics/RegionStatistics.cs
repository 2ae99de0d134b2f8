using System.Collections.Immutable;

namespace Dua.Grains.Statistics;

/// <summary>
/// One county's aggregates as they stood at <see cref="AsOf"/>: the county's tally (each participant once) and
/// each municipality's (a joint agreement's participants in each municipality it covers), with the goals of the
/// agreements in force there. <see cref="Version"/> grows with every change the live aggregates take in.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.RegionStatistics")]
public sealed record RegionStatistics(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] DateTimeOffset AsOf,
    [property: Id(2)] long Version,
    [property: Id(3)] Tally Region,
    [property: Id(4)] ImmutableSortedDictionary<string, Tally> Municipalities,
    [property: Id(5)] ImmutableSortedDictionary<string, ImmutableArray<AgreementGoal>> Goals);
