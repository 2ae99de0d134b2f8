namespace Dua.Domain.Participants;

/// <summary>The path chosen at the end of job preparation (module 2).</summary>
public enum PathChoice { Unspecified = 0, Studies = 1, Work = 2 }
