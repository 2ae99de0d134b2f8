namespace Dua.Domain.Participants;

/// <summary>The steps of a participant's process, as its history records them.</summary>
public enum ParticipantEventKind { Unspecified = 0, Enrolled = 1, JobPreparationStarted = 2, PathChosen = 3, JobTrackStarted = 4, Exited = 5 }
