namespace Dua.Domain.Agreements;

/// <summary>What an agreement is about: young people, newcomers, or a wider collaboration.</summary>
public enum AgreementKind { Unspecified = 0, Youth = 1, Newcomers = 2, Collaboration = 3 }
