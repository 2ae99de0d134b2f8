namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>What an agreement is about: young people, newcomers, or a wider collaboration.</summary>
public enum AgreementKind { Unspecified = 0, Youth = 1, Newcomers = 2, Collaboration = 3 }
