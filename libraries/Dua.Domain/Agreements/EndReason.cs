namespace Dua.Domain.Agreements;

/// <summary>Why an agreement ended.</summary>
public enum EndReason { Unspecified = 0, Expired = 1, Terminated = 2, Superseded = 3 }
