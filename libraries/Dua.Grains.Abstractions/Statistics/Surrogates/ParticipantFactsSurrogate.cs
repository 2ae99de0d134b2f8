using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="ParticipantFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantFacts")]
public readonly record struct ParticipantFactsSurrogate(
    [property: Id(0)] string ParticipantId,
    [property: Id(1)] string AgreementId,
    [property: Id(2)] long Version,
    [property: Id(3)] ParticipantStatus Status,
    [property: Id(4)] int CurrentModule,
    [property: Id(5)] ExitOutcome Outcome,
    [property: Id(6)] int? DaysToExit,
    [property: Id(7)] DateOnly EnrolledOn,
    [property: Id(8)] DateOnly? JobPreparationOn,
    [property: Id(9)] DateOnly? JobTrackOn,
    [property: Id(10)] DateOnly? ExitedOn);

[RegisterConverter]
public sealed class ParticipantFactsConverter : IConverter<ParticipantFacts, ParticipantFactsSurrogate>
{
    public ParticipantFacts ConvertFromSurrogate(in ParticipantFactsSurrogate surrogate) =>
        new(surrogate.ParticipantId, surrogate.AgreementId, surrogate.Version, surrogate.Status, surrogate.CurrentModule, surrogate.Outcome, surrogate.DaysToExit,
            new ParticipantDates(surrogate.EnrolledOn, surrogate.JobPreparationOn, surrogate.JobTrackOn, surrogate.ExitedOn));

    public ParticipantFactsSurrogate ConvertToSurrogate(in ParticipantFacts value) =>
        new(value.ParticipantId, value.AgreementId, value.Version, value.Status, value.CurrentModule, value.Outcome, value.DaysToExit,
            value.Dates.EnrolledOn, value.Dates.JobPreparationOn, value.Dates.JobTrackOn, value.Dates.ExitedOn);
}
