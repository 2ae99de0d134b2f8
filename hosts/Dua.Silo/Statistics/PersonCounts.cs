using Dua.Contracts.V1;

namespace Dua.Silo.Statistics;

/// <summary>
/// The one place where counts of people, and figures derived from them, are turned into what a caller may see.
/// Primary suppression withholds every count from 1 to <see cref="SmallestShown"/> - 1. Secondary suppression
/// (<see cref="WithholdComplement"/>) withholds more, so that a withheld count cannot be worked out as a shown total
/// minus its shown parts (a county minus its other municipalities, the exits minus the other outcomes).
/// </summary>
public static class PersonCounts
{
    /// <summary>The smallest non-zero count shown to callers who see small counts suppressed.</summary>
    public const int SmallestShown = 5;

    /// <summary>Regional offices read aggregates for people they must not be able to single out.</summary>
    public static Disclosure DisclosureFor(Dua.Security.Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsRegionalOffice ? Disclosure.SuppressSmallCounts : Disclosure.Exact;
    }

    /// <summary>
    /// A job track's places taken, as a caller may see it. Callers who see small counts suppressed get none of them,
    /// zeros too: the summaries publish their sums, checked by secondary suppression, and a per-track count beside
    /// those sums would give a withheld one away.
    /// </summary>
    public static void WithholdPlacesTaken(JobTrack track, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (disclosure == Disclosure.SuppressSmallCounts)
        {
            track.PlacesTaken = 0;
            track.PlacesTakenSuppressed = true;
        }
    }

    public static bool IsSmall(long count) => count is > 0 and < SmallestShown;

    /// <summary>Whether primary suppression withholds the count from a caller with this disclosure.</summary>
    public static bool Withholds(long value, Disclosure disclosure) =>
        disclosure == Disclosure.SuppressSmallCounts && IsSmall(value);

    public static PersonCount Count(long value, Disclosure disclosure) => Count(value, Withholds(value, disclosure));

    public static PersonCount Count(long value, bool withheld) =>
        withheld ? new PersonCount { Suppressed = true } : new PersonCount { Value = value };

    /// <summary>A figure is withheld when any count it is derived from would be.</summary>
    public static PersonFigure Figure(double value, Disclosure disclosure, params ReadOnlySpan<long> derivedFrom)
    {
        foreach (var count in derivedFrom)
        {
            if (Withholds(count, disclosure))
            {
                return new PersonFigure { Suppressed = true };
            }
        }

        return new PersonFigure { Value = value };
    }

    public static PersonFigure Figure(double value, bool withheld) =>
        withheld ? new PersonFigure { Suppressed = true } : new PersonFigure { Value = value };

    /// <summary>
    /// Secondary suppression for one total and the parts it adds up to. A withheld cell stays hidden only while at
    /// least one other cell of the sum is withheld too, and while the shown total minus the shown parts is not itself
    /// a small count (as it is when the withheld parts add up to 1..4). Otherwise the smallest shown non-zero part is
    /// withheld as well, or else the total. Returns whether anything more was withheld; callers repeat until nothing
    /// changes, since one sum's extra cell may expose another sum it is part of.
    /// </summary>
    public static bool WithholdComplement(PersonCell total, IReadOnlyList<PersonCell> parts)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(parts);
        var withheld = (total.Withheld ? 1 : 0) + parts.Count(p => p.Withheld);
        var exposed = withheld == 1 || !total.Withheld && IsSmall(parts.Where(p => p.Withheld).Sum(p => p.Value));
        if (!exposed)
        {
            return false;
        }

        if (parts.Where(p => !p.Withheld && p.Value > 0).OrderBy(p => p.Value).FirstOrDefault() is { } smallest)
        {
            smallest.Withheld = true;
            return true;
        }

        // Nothing shown to hide among the parts: only zeros are left, so the total would give the withheld parts away.
        if (!total.Withheld && total.Value > 0)
        {
            total.Withheld = true;
            return true;
        }

        return false;
    }
}
