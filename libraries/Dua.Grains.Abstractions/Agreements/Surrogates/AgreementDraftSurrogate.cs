using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How a draft travels to its agreement's grain.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementDraft")]
public readonly record struct AgreementDraftSurrogate(
    [property: Id(0)] AgreementKind Kind,
    [property: Id(1)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] AgreementTerms Terms);

[RegisterConverter]
public sealed class AgreementDraftConverter : IConverter<AgreementDraft, AgreementDraftSurrogate>
{
    public AgreementDraft ConvertFromSurrogate(in AgreementDraftSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.MunicipalityCodes, surrogate.RegionCode, surrogate.Terms);

    public AgreementDraftSurrogate ConvertToSurrogate(in AgreementDraft value) =>
        new(value.Kind, value.MunicipalityCodes, value.RegionCode, value.Terms);
}
