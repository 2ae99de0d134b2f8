namespace Dua.Domain.Statistics;

/// <summary>
/// The one place that decides which counts of people a caller may see; figures derived from them follow the counts
/// (<see cref="ParticipantSummary"/>). Primary suppression withholds every count from 1 to <see cref="SmallestShown"/>
/// - 1. Secondary suppression (<see cref="WithholdComplement"/>) withholds more, so that a withheld count cannot be
/// worked out as a shown total minus its shown parts (a county minus its other municipalities, the exits minus the
/// other outcomes).
/// </summary>
public static class PersonCounts
{
    /// <summary>The smallest non-zero count shown to callers who see small counts suppressed.</summary>
    public const int SmallestShown = 5;

    public static bool IsSmall(long count) => count is > 0 and < SmallestShown;

    /// <summary>Whether primary suppression withholds the count from a caller with this disclosure.</summary>
    public static bool Withholds(long value, Disclosure disclosure) =>
        disclosure == Disclosure.SuppressSmallCounts && IsSmall(value);

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

        if (parts.Where(p => !p.Withheld && !p.Pinned && p.Value > 0).OrderBy(p => p.Value).FirstOrDefault() is { } smallest)
        {
            smallest.Withheld = true;
            return true;
        }

        // Nothing shown to hide among the parts: only zeros are left, so the total would give the withheld parts away.
        if (!total.Withheld && !total.Pinned && total.Value > 0)
        {
            total.Withheld = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Secondary suppression for two sums known to be equal (a month's balance: those in a module at its end plus
    /// its exits equal those in a module at the end of the month before plus its enrolments). A withheld cell is
    /// exposed when it is the only one withheld, or when all withheld cells sit on one side and so add up to a
    /// known small count; then the smallest shown non-zero cell that is not pinned is withheld too.
    /// </summary>
    public static bool WithholdBalance(IReadOnlyList<PersonCell> left, IReadOnlyList<PersonCell> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var withheldLeft = left.Where(c => c.Withheld).Sum(c => c.Value);
        var withheldRight = right.Where(c => c.Withheld).Sum(c => c.Value);
        var count = left.Count(c => c.Withheld) + right.Count(c => c.Withheld);
        var exposed = count == 1
            || (count > 1 && (withheldLeft == 0 || withheldRight == 0) && IsSmall(withheldLeft + withheldRight));
        if (!exposed)
        {
            return false;
        }

        if (left.Concat(right).Where(c => !c.Withheld && !c.Pinned && c.Value > 0).OrderBy(c => c.Value).FirstOrDefault() is { } smallest)
        {
            smallest.Withheld = true;
            return true;
        }

        return false;
    }
}
