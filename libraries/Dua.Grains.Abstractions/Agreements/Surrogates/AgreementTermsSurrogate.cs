using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How an agreement's terms is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementTerms")]
public readonly record struct AgreementTermsSurrogate(
    [property: Id(0)] string EmploymentOffice,
    [property: Id(1)] ImmutableArray<Signatory> Signatories,
    [property: Id(2)] ImmutableArray<TargetGroup> TargetGroups,
    [property: Id(3)] ImmutableArray<FocusArea> FocusAreas,
    [property: Id(4)] ImmutableArray<Goal> Goals);

[RegisterConverter]
public sealed class AgreementTermsConverter : IConverter<AgreementTerms, AgreementTermsSurrogate>
{
    public AgreementTerms ConvertFromSurrogate(in AgreementTermsSurrogate surrogate) =>
        new(surrogate.EmploymentOffice, surrogate.Signatories, surrogate.TargetGroups, surrogate.FocusAreas,
            surrogate.Goals);

    public AgreementTermsSurrogate ConvertToSurrogate(in AgreementTerms value) =>
        new(value.EmploymentOffice, value.Signatories, value.TargetGroups, value.FocusAreas, value.Goals);
}
