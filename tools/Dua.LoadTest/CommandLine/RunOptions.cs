using Dua.LoadTest.Measurement;

namespace Dua.LoadTest.CommandLine;

/// <summary>The phases a run can go through, in the order given on the command line.</summary>
public enum Phase
{
    /// <summary>Build the data set: agreements with job tracks, monthly figures, participants and their steps.</summary>
    Seed,

    /// <summary>The write workload: RecordProgress events on seeded participants, for a duration.</summary>
    Progress,

    /// <summary>The read workload: GetRegionSummary (or the health check, as a ceiling), for a duration.</summary>
    Read,
}

/// <summary>What the read phase calls.</summary>
public enum ReadMethod
{
    /// <summary>dua.v1.StatisticsService/GetRegionSummary.</summary>
    RegionSummary,

    /// <summary>grpc.health.v1.Health/Check: a trivial method on the same server, the ceiling to compare with.</summary>
    Health,

    /// <summary>dua.v1.StatisticsService/GetRegionTrend over the 24 months before the data set's date.</summary>
    RegionTrend,

    /// <summary>dua.v1.AgreementService/GetAgreement, every agreement of the data set in turn.</summary>
    Agreement,

    /// <summary>dua.v1.ParticipantService/GetParticipant, every participant of the data set in turn.</summary>
    Participant,
}

/// <summary>A run of the load generator, as the command line asked for it.</summary>
public sealed record RunOptions(
    Uri Target,
    IReadOnlyList<Phase> Phases,
    long Participants,
    int Concurrency,
    int Connections,
    TimeSpan Duration,
    TimeSpan Warmup,
    long Seed,
    DateOnly AsOf,
    string ReportDirectory,
    ReadMethod ReadMethod,
    string? Region,
    TimeSpan Timeout,
    string? Token = null,
    string? SiloCredential = null,
    IReadOnlyList<WatchedProcess>? Watched = null,
    string? TokenCommand = null);
