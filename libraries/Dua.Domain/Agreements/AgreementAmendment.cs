using System.Collections.Immutable;

namespace Dua.Domain.Agreements;

/// <summary>
/// A change of an agreement: the parts of its terms it replaces (null: unchanged) and, optionally, a new end date.
/// </summary>
public sealed record AgreementAmendment(
    string Description,
    string? EmploymentOffice = null,
    ImmutableArray<Signatory>? Signatories = null,
    ImmutableArray<TargetGroup>? TargetGroups = null,
    ImmutableArray<FocusArea>? FocusAreas = null,
    ImmutableArray<Goal>? Goals = null,
    DateOnly? ValidTo = null)
{
    public bool ChangesTerms => EmploymentOffice is not null || Signatories is not null || TargetGroups is not null || FocusAreas is not null || Goals is not null;
}
