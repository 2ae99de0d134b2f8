using Dua.Contracts.V1;

namespace Dua.Silo.Statistics;

/// <summary>
/// The one place where counts of people, and figures derived from them, are turned into what a caller may see.
/// </summary>
public static class PersonCounts
{
    /// <summary>The smallest non-zero count shown to callers who see small counts suppressed.</summary>
    public const int SmallestShown = 5;

    public static bool IsSmall(long count) => count is > 0 and < SmallestShown;

    public static PersonCount Count(long value, Disclosure disclosure) =>
        disclosure == Disclosure.SuppressSmallCounts && IsSmall(value)
            ? new PersonCount { Suppressed = true }
            : new PersonCount { Value = value };

    /// <summary>A figure is withheld when any count it is derived from would be.</summary>
    public static PersonFigure Figure(double value, Disclosure disclosure, params ReadOnlySpan<long> derivedFrom)
    {
        if (disclosure == Disclosure.SuppressSmallCounts)
        {
            foreach (var count in derivedFrom)
            {
                if (IsSmall(count))
                {
                    return new PersonFigure { Suppressed = true };
                }
            }
        }

        return new PersonFigure { Value = value };
    }
}
