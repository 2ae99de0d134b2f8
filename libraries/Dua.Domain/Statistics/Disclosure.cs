namespace Dua.Domain.Statistics;

/// <summary>How exactly a caller may see counts of people.</summary>
public enum Disclosure
{
    /// <summary>Every count as it is.</summary>
    Exact,

    /// <summary>Counts from 1 to <see cref="PersonCounts.SmallestShown"/> - 1, and figures derived from them, are withheld.</summary>
    SuppressSmallCounts,
}
