using System.Collections.Immutable;

namespace Dua.Grains.Agreements;

/// <summary>What creating an agreement needs; validated for shape at the edge.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementDraft")]
public sealed record AgreementDraft(
    [property: Id(0)] AgreementKind Kind,
    [property: Id(1)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] AgreementTerms Terms);
