namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>The side a signatory signs for.</summary>
public enum Party { Unspecified = 0, Municipality = 1, EmploymentService = 2, Other = 3 }
