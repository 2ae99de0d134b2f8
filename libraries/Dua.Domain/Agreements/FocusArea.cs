namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>What a COLLABORATION agreement works on.</summary>
public enum FocusArea { Unspecified = 0, WelfareCompetenceSupply = 1, LocalRegionalDevelopment = 2, SpecialSupport = 3 }
