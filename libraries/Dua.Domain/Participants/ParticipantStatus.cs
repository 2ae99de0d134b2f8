namespace Dua.Domain.Participants;

// The numbers are stored with the state they belong to: never renumber or reuse one.
/// <summary>Whether a participant's process is open (ACTIVE) or has ended with an exit.</summary>
public enum ParticipantStatus { Unspecified = 0, Active = 1, Exited = 2 }
