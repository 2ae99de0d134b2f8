namespace Dua.Benchmarks.Growth;

/// <summary>What was measured with one number of participants loaded.</summary>
/// <param name="Participants">Participants fed in all.</param>
/// <param name="Counted">Participants the 21 counties' aggregates hold, added up.</param>
/// <param name="CountedByRegion">Participants the aggregates of the read counties hold.</param>
/// <param name="FeedRate">Participants fed per second while reaching this size.</param>
/// <param name="GcPauses">The silo's collections while the reads were timed (warm-ups included).</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the reads began.</param>
public sealed record StepResult(
    int Participants,
    long Counted,
    IReadOnlyDictionary<string, long> CountedByRegion,
    double FeedRate,
    MemoryFigures Memory,
    IReadOnlyList<LatencyFigures> Latencies,
    GcPauses GcPauses,
    double LoadAverage);
