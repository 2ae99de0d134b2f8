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
            agreement.Terms.Goals.IsDefault ? [] : [.. agreement.Terms.Goals.Select(g => new GoalFacts(g.Metric, g.Baseline, g.Target, g.TargetDate, g.Unit))]);
    }

    public static ParticipantFacts Of(ParticipantSnapshot participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        int? daysToExit = participant.Status == ParticipantStatus.Exited
            ? ParticipantFacts.DaysBetween(participant.History[0].OccurredOn, participant.History[^1].OccurredOn)
            : null;
        return new ParticipantFacts(
            participant.Id, participant.AgreementId, participant.Version, participant.Status,
            participant.CurrentModule, participant.Outcome, daysToExit);
    }
}
