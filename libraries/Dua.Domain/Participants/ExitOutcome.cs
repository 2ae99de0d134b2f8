namespace Dua.Domain.Participants;

/// <summary>Where a participant went on leaving the process.</summary>
public enum ExitOutcome { Unspecified = 0, Employment = 1, SubsidisedEmployment = 2, RegularStudies = 3, Other = 4, Unknown = 5 }
