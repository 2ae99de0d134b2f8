namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>Where an agreement is in its lifecycle: DRAFT, then SIGNED, then ENDED.</summary>
public enum AgreementStatus { Unspecified = 0, Draft = 1, Signed = 2, Ended = 3 }
