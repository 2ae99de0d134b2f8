namespace Dua.Domain.Agreements;

/// <summary>What a COLLABORATION agreement works on.</summary>
public enum FocusArea { Unspecified = 0, WelfareCompetenceSupply = 1, LocalRegionalDevelopment = 2, SpecialSupport = 3 }
