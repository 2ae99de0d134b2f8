using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Statistics;

/// <summary>
/// What a county's statistics need of an agreement or a participant as its grain holds it: made once here, for
/// the grains that feed the statistics and for the recount that reads them back.
/// </summary>
public static class StatisticsFacts
{
    public static AgreementFacts Of(AgreementSnapshot agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new AgreementFacts(
            agreement.Id, agreement.Version, agreement.Kind, agreement.Status,
            agreement.MunicipalityCodes,
            [.. agreement.JobTracks.Select(t => new JobTrackFacts(t.Spec.OccupationCode, t.Open, t.Spec.Places, t.PlacesTaken))],
            agreement.Terms.Goals.IsDefault ? [] : [.. agreement.Terms.Goals.Select(g => new GoalFacts(g.Metric, g.Baseline, g.Target, g.TargetDate, g.Unit))],
            new AgreementDates(agreement.ValidFrom, agreement.ValidTo, EndedOn(agreement), agreement.SuccessorId));
    }

    public static ParticipantFacts Of(ParticipantSnapshot participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        int? daysToExit = participant.Status == ParticipantStatus.Exited
            ? ParticipantFacts.DaysBetween(participant.History[0].OccurredOn, participant.History[^1].OccurredOn)
            : null;
        return new ParticipantFacts(
            participant.Id, participant.AgreementId, participant.Version, participant.Status,
            participant.CurrentModule, participant.Outcome, daysToExit, DatesOf(participant));
    }

    /// <summary>The day each step happened, as the caller gave it.</summary>
    public static ParticipantDates DatesOf(ParticipantSnapshot participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        DateOnly? On(ParticipantEventKind kind) => participant.History.FirstOrDefault(e => e.Kind == kind)?.OccurredOn;
        return new ParticipantDates(
            participant.History[0].OccurredOn, On(ParticipantEventKind.JobPreparationStarted),
            On(ParticipantEventKind.JobTrackStarted), On(ParticipantEventKind.Exited));
    }

    // An agreement ended other than by a successor (terminated, expired) gets no day from its caller: the day in
    // Sweden it was recorded stands in. A superseded one ends where its successor begins (AgreementDates).
    private static DateOnly? EndedOn(AgreementSnapshot agreement) =>
        agreement.Status == AgreementStatus.Ended && agreement.EndReason != EndReason.Superseded
            ? SwedishCalendar.DateAt(agreement.UpdatedAt)
            : null;
}
