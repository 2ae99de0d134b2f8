namespace Dua.Domain.Participants;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>Where a participant went on leaving the process.</summary>
public enum ExitOutcome { Unspecified = 0, Employment = 1, SubsidisedEmployment = 2, RegularStudies = 3, Other = 4, Unknown = 5 }
