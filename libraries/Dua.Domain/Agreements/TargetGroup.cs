namespace Dua.Domain.Agreements;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>Whom an agreement, or a participant, is for.</summary>
public enum TargetGroup { Unspecified = 0, Youth = 1, Newcomers = 2, LongTermUnemployed = 3, SpecialSupport = 4 }
