namespace Dua.Grains.Agreements;

// The domain's own enums, numbered as in proto/dua/v1/agreement.proto so mapping is a cast that tests pin.

[GenerateSerializer, Alias("dua.AgreementKind")]
public enum AgreementKind { Unspecified = 0, Youth = 1, Newcomers = 2, Collaboration = 3 }

[GenerateSerializer, Alias("dua.AgreementStatus")]
public enum AgreementStatus { Unspecified = 0, Draft = 1, Signed = 2, Ended = 3 }

[GenerateSerializer, Alias("dua.EndReason")]
public enum EndReason { Unspecified = 0, Expired = 1, Terminated = 2, Superseded = 3 }

[GenerateSerializer, Alias("dua.TargetGroup")]
public enum TargetGroup { Unspecified = 0, Youth = 1, Newcomers = 2, LongTermUnemployed = 3, SpecialSupport = 4 }

[GenerateSerializer, Alias("dua.FocusArea")]
public enum FocusArea { Unspecified = 0, WelfareCompetenceSupply = 1, LocalRegionalDevelopment = 2, SpecialSupport = 3 }

[GenerateSerializer, Alias("dua.Party")]
public enum Party { Unspecified = 0, Municipality = 1, EmploymentService = 2, Other = 3 }

[GenerateSerializer, Alias("dua.JobTrackComponentKind")]
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
