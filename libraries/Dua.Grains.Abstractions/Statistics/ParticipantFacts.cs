using Dua.Domain.Participants;

namespace Dua.Grains.Statistics;

/// <summary>What the county's aggregates need of one participant; <see cref="Version"/> orders the facts of one participant.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantFacts")]
public sealed record ParticipantFacts(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] string AgreementId,
    [property: Id(2)] long Version,
    [property: Id(3)] ParticipantStatus Status,
    [property: Id(4)] int CurrentModule,
    [property: Id(5)] ExitOutcome Outcome,
    [property: Id(6)] int? DaysToExit)
{
    public static ParticipantFacts Of(ParticipantSnapshot participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        int? daysToExit = participant.Status == ParticipantStatus.Exited
            ? participant.History[^1].OccurredOn.DayNumber - participant.History[0].OccurredOn.DayNumber
            : null;
        return new ParticipantFacts(
            participant.Id, participant.AgreementId, participant.Version, participant.Status, participant.CurrentModule,
            participant.Outcome, daysToExit);
    }
}
