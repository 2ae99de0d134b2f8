namespace Dua.Domain.Agreements;

/// <summary>Whom an agreement, or a participant, is for.</summary>
public enum TargetGroup { Unspecified = 0, Youth = 1, Newcomers = 2, LongTermUnemployed = 3, SpecialSupport = 4 }
