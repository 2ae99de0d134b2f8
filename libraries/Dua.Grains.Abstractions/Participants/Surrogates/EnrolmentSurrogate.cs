using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants.Surrogates;

/// <summary>How an enrolment travels to the person's grain.</summary>
[GenerateSerializer, Immutable, Alias("dua.Enrolment")]
public readonly record struct EnrolmentSurrogate(
    [property: Id(0)] string AgreementId,
    [property: Id(1)] string Pseudonym,
    [property: Id(2)] AgeBand AgeBand,
    [property: Id(3)] ImmutableArray<TargetGroup> TargetGroups,
    [property: Id(4)] DateOnly EnrolledOn);

[RegisterConverter]
public sealed class EnrolmentConverter : IConverter<Enrolment, EnrolmentSurrogate>
{
    public Enrolment ConvertFromSurrogate(in EnrolmentSurrogate surrogate) =>
        new(surrogate.AgreementId, surrogate.Pseudonym, surrogate.AgeBand, surrogate.TargetGroups,
            surrogate.EnrolledOn);

    public EnrolmentSurrogate ConvertToSurrogate(in Enrolment value) =>
        new(value.AgreementId, value.Pseudonym, value.AgeBand, value.TargetGroups, value.EnrolledOn);
}
