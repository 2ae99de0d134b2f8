using System.Collections.Immutable;

namespace Dua.Domain.Agreements;

/// <summary>What creating an agreement needs: its kind, the municipalities of one county it covers, its terms.</summary>
public sealed record AgreementDraft
{
    public AgreementDraft(AgreementKind kind, ImmutableArray<string> municipalityCodes, string regionCode, AgreementTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.RequireFitFor(kind);
        Kind = kind;
        MunicipalityCodes = municipalityCodes;
        RegionCode = regionCode;
        Terms = terms;
    }

    public AgreementKind Kind { get; }

    public ImmutableArray<string> MunicipalityCodes { get; }

    /// <summary>The county the municipalities lie in.</summary>
    public string RegionCode { get; }

    public AgreementTerms Terms { get; }
}
