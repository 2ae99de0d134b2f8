using Dua.Domain.Statistics;
using Dua.Security;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Security;

/// <summary>How much of the counts of people a caller may see, and what that withholds from answers beyond the summaries.</summary>
public static class CallerDisclosure
{
    /// <summary>Regional offices read aggregates for people they must not be able to single out.</summary>
    public static Disclosure Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsRegionalOffice ? Disclosure.SuppressSmallCounts : Disclosure.Exact;
    }

    /// <summary>
    /// A job track's places taken, as a caller may see it. Callers who see small counts suppressed get none of them,
    /// zeros too: the summaries publish their sums, checked by secondary suppression, and a per-track count beside
    /// those sums would give a withheld one away.
    /// </summary>
    public static void WithholdPlacesTaken(V1.JobTrack track, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (disclosure == Disclosure.SuppressSmallCounts)
        {
            track.PlacesTaken = 0;
            track.PlacesTakenSuppressed = true;
        }
    }
}
