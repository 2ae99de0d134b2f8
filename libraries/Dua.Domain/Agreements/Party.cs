namespace Dua.Domain.Agreements;

/// <summary>The side a signatory signs for.</summary>
public enum Party { Unspecified = 0, Municipality = 1, EmploymentService = 2, Other = 3 }
