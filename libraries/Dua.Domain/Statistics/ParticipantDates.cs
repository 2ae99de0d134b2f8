namespace Dua.Domain.Statistics;

/// <summary>
/// The days a participant's steps happened, as callers gave them: enrolment (module 1), job preparation (module 2),
/// a local job track (module 3) and the exit. A step not taken is null; facts without an enrolment day count in no month.
/// </summary>
public readonly record struct ParticipantDates(DateOnly EnrolledOn, DateOnly? JobPreparationOn, DateOnly? JobTrackOn, DateOnly? ExitedOn)
{
    /// <summary>Counts the participant into (<paramref name="sign"/> +1) or out of (−1) month figures.</summary>
    public void Count(TrendDeltas deltas, ParticipantFacts facts, int sign)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentNullException.ThrowIfNull(facts);
        if (EnrolledOn == default)
        {
            return;
        }

        var exited = ExitedOn is { } exit ? TrendCalendar.Of(exit) : (int?)null;
        var module2 = JobPreparationOn is { } prep ? TrendCalendar.Of(prep) : (int?)null;
        var module3 = JobTrackOn is { } track ? TrendCalendar.Of(track) : (int?)null;
        var enrolled = TrendCalendar.Of(EnrolledOn);
        deltas.Add(enrolled, TrendSlots.Enrolled, sign);
        deltas.AddState(TrendSlots.InModule1, enrolled, module2 ?? exited, sign);
        if (module2 is { } m2)
        {
            deltas.AddState(TrendSlots.InModule2, m2, module3 ?? exited, sign);
        }

        if (module3 is { } m3)
        {
            deltas.AddState(TrendSlots.InModule3, m3, exited, sign);
        }

        if (exited is { } x)
        {
            deltas.Add(x, TrendSlots.Exit((int)facts.Outcome), sign);
            if (facts.DaysToExit is { } days)
            {
                deltas.AddDaysToExit(x, days, sign);
            }
        }
    }
}
