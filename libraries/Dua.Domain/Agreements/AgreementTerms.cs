using System.Collections.Immutable;

namespace Dua.Domain.Agreements;

/// <summary>The terms of an agreement that amendments may change.</summary>
public sealed record AgreementTerms(
    string EmploymentOffice,
    ImmutableArray<Signatory> Signatories,
    ImmutableArray<TargetGroup> TargetGroups,
    ImmutableArray<FocusArea> FocusAreas,
    ImmutableArray<Goal> Goals)
{
    public const string FocusAreasField = "focusAreas";

    /// <summary>Focus areas describe a COLLABORATION agreement's work; other kinds have none.</summary>
    public void RequireFitFor(AgreementKind kind)
    {
        if (!FocusAreas.IsDefaultOrEmpty && kind is not AgreementKind.Collaboration and not AgreementKind.Unspecified)
        {
            throw DomainRuleException.InvalidValue(FocusAreasField, "apply only to COLLABORATION agreements");
        }
    }

    /// <summary>These terms with the parts an amendment replaces; the others stay as they are.</summary>
    public AgreementTerms With(AgreementAmendment amendment)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        return new(
            amendment.EmploymentOffice ?? EmploymentOffice,
            amendment.Signatories ?? Signatories,
            amendment.TargetGroups ?? TargetGroups,
            amendment.FocusAreas ?? FocusAreas,
            amendment.Goals ?? Goals);
    }
}
