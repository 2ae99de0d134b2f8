using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

// Id 1 held the whole new terms once: not to be reused.
/// <summary>How an amendment travels to its agreement's grain.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementAmendment")]
public readonly record struct AgreementAmendmentSurrogate(
    [property: Id(0)] string Description,
    [property: Id(2)] DateOnly? ValidTo,
    [property: Id(3)] string? EmploymentOffice,
    [property: Id(4)] ImmutableArray<Signatory>? Signatories,
    [property: Id(5)] ImmutableArray<TargetGroup>? TargetGroups,
    [property: Id(6)] ImmutableArray<FocusArea>? FocusAreas,
    [property: Id(7)] ImmutableArray<Goal>? Goals);

[RegisterConverter]
public sealed class AgreementAmendmentConverter : IConverter<AgreementAmendment, AgreementAmendmentSurrogate>
{
    public AgreementAmendment ConvertFromSurrogate(in AgreementAmendmentSurrogate surrogate) =>
        new(surrogate.Description, surrogate.EmploymentOffice, surrogate.Signatories, surrogate.TargetGroups, surrogate.FocusAreas, surrogate.Goals, surrogate.ValidTo);

    public AgreementAmendmentSurrogate ConvertToSurrogate(in AgreementAmendment value) =>
        new(value.Description, value.ValidTo, value.EmploymentOffice, value.Signatories, value.TargetGroups, value.FocusAreas, value.Goals);
}
