using System.Collections.Immutable;

namespace Dua.Domain.Statistics;

/// <summary>
/// One county's counts as they stood at <see cref="AsOf"/>: the county's tally (each participant once) and each
/// municipality's (a joint agreement's participants in each municipality it covers), with the goals of the
/// agreements in force there, and the same month by month (<see cref="Trend"/>, <see cref="MunicipalityTrends"/>).
/// <see cref="Version"/> grows with every change the live counts take in.
/// </summary>
public sealed record CountyStatistics(
    string CountyCode,
    DateTimeOffset AsOf,
    long Version,
    Tally County,
    ImmutableSortedDictionary<string, Tally> Municipalities,
    ImmutableSortedDictionary<string, ImmutableArray<AgreementGoal>> Goals,
    TrendTally Trend,
    ImmutableSortedDictionary<string, TrendTally> MunicipalityTrends);
