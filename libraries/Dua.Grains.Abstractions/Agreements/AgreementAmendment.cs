namespace Dua.Grains.Agreements;

/// <summary>A change of terms: the new terms (unchanged parts copied by the edge) and, optionally, a new end date.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementAmendment")]
public sealed record AgreementAmendment(
    [property: Id(0)] string Description,
    [property: Id(1)] AgreementTerms? Terms,
    [property: Id(2)] DateOnly? ValidTo);
