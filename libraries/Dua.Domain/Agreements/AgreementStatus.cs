namespace Dua.Domain.Agreements;

/// <summary>Where an agreement is in its life: drafted, signed (in force), or ended.</summary>
public enum AgreementStatus { Unspecified = 0, Draft = 1, Signed = 2, Ended = 3 }
