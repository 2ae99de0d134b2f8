namespace Dua.Grains.Participants;

// Numbered as in proto/dua/v1/participant.proto so mapping is a cast.

[GenerateSerializer, Alias("dua.AgeBand")]
public enum AgeBand { Unspecified = 0, From16To19 = 1, From20To24 = 2, From25To29 = 3, From30To39 = 4, From40To49 = 5, From50To64 = 6 }

[GenerateSerializer, Alias("dua.ParticipantStatus")]
public enum ParticipantStatus { Unspecified = 0, Active = 1, Exited = 2 }

[GenerateSerializer, Alias("dua.PathChoice")]
public enum PathChoice { Unspecified = 0, Studies = 1, Work = 2 }

[GenerateSerializer, Alias("dua.ExitOutcome")]
public enum ExitOutcome { Unspecified = 0, Employment = 1, SubsidisedEmployment = 2, RegularStudies = 3, Other = 4, Unknown = 5 }

[GenerateSerializer, Alias("dua.ParticipantEventKind")]
public enum ParticipantEventKind { Unspecified = 0, Enrolled = 1, JobPreparationStarted = 2, PathChosen = 3, JobTrackStarted = 4, Exited = 5 }
