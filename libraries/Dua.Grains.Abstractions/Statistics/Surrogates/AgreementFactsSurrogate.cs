using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="AgreementFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementFacts")]
public readonly record struct AgreementFactsSurrogate(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] long Version,
    [property: Id(2)] AgreementKind Kind,
    [property: Id(3)] AgreementStatus Status,
    [property: Id(4)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(5)] ImmutableArray<JobTrackFacts> JobTracks,
    [property: Id(6)] ImmutableArray<GoalFacts> Goals,
    [property: Id(7)] DateOnly? ValidFrom,
    [property: Id(8)] DateOnly? ValidTo,
    [property: Id(9)] DateOnly? EndedOn,
    [property: Id(10)] string? SuccessorId);

[RegisterConverter]
public sealed class AgreementFactsConverter : IConverter<AgreementFacts, AgreementFactsSurrogate>
{
    public AgreementFacts ConvertFromSurrogate(in AgreementFactsSurrogate surrogate) =>
        new(surrogate.AgreementId, surrogate.Version, surrogate.Kind, surrogate.Status, surrogate.MunicipalityCodes, surrogate.JobTracks, surrogate.Goals,
            new AgreementDates(surrogate.ValidFrom, surrogate.ValidTo, surrogate.EndedOn, surrogate.SuccessorId));

    public AgreementFactsSurrogate ConvertToSurrogate(in AgreementFacts value) =>
        new(value.AgreementId, value.Version, value.Kind, value.Status, value.MunicipalityCodes, value.JobTracks, value.Goals,
            value.Dates.ValidFrom, value.Dates.ValidTo, value.Dates.EndedOn, value.Dates.SuccessorId);
}
