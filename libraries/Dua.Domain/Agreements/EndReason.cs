namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>Why an agreement ended.</summary>
public enum EndReason { Unspecified = 0, Expired = 1, Terminated = 2, Superseded = 3 }
