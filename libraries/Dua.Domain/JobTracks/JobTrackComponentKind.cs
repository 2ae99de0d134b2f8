namespace Dua.Domain.JobTracks;

/// <summary>What a part of a job track is: education, an internship or a subsidised job.</summary>
public enum JobTrackComponentKind
{
    Unspecified = 0,
    Sfi = 1,
    Komvux = 2,
    VocationalAdultEducation = 3,
    HigherVocationalEducation = 4,
    LabourMarketTraining = 5,
    Internship = 6,
    SubsidisedEmployment = 7,
}
