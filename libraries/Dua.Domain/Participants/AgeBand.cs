namespace Dua.Domain.Participants;

/// <summary>A participant's age at enrolment, in the bands the statistics use.</summary>
public enum AgeBand { Unspecified = 0, From16To19 = 1, From20To24 = 2, From25To29 = 3, From30To39 = 4, From40To49 = 5, From50To64 = 6 }
