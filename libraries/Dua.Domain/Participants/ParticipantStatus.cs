namespace Dua.Domain.Participants;

/// <summary>Whether a participant is still in the process or has left it.</summary>
public enum ParticipantStatus { Unspecified = 0, Active = 1, Exited = 2 }
