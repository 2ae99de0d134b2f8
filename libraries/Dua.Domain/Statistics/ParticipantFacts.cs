using Dua.Domain.Participants;

namespace Dua.Domain.Statistics;

/// <summary>What a county's statistics need of one participant; <see cref="Version"/> orders the facts of one participant.</summary>
/// <param name="DaysToExit">For a participant who left, the days from enrolment to exit (<see cref="DaysBetween"/>).</param>
/// <param name="Dates">When each step happened, as the caller gave it: what trends count by.</param>
public sealed record ParticipantFacts(
    string ParticipantId,
    string AgreementId,
    long Version,
    ParticipantStatus Status,
    int CurrentModule,
    ExitOutcome Outcome,
    int? DaysToExit,
    ParticipantDates Dates = default)
{
    /// <summary>The days a participant spent in the process: from the day enrolled to the day of exit, as they happened.</summary>
    public static int DaysBetween(DateOnly enrolledOn, DateOnly exitedOn) => exitedOn.DayNumber - enrolledOn.DayNumber;
}
