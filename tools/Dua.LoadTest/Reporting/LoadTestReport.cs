namespace Dua.LoadTest.Reporting;

/// <summary>Everything a run measured, as written to report.json (and rendered to report.md).</summary>
public sealed record LoadTestReport(
    RunSettings Settings,
    DateTimeOffset StartedAt,
    double ElapsedSeconds,
    ClientMachine Client,
    IReadOnlyList<PhaseReport> Phases);

/// <summary>The options of the run, so a report says how to reproduce it.</summary>
public sealed record RunSettings(
    string CommandLine,
    string Target,
    IReadOnlyList<string> Phases,
    long Seed,
    string AsOf,
    string DataSet,
    long Participants,
    int Concurrency,
    int Connections,
    double DurationSeconds,
    double WarmupSeconds,
    string ReadMethod,
    string? Region);

/// <summary>The machine the client ran on: a load generator shares it with what it loads, here.</summary>
public sealed record ClientMachine(string MachineName, int ProcessorCount, string Runtime, bool ServerGarbageCollector);

public sealed record PhaseReport(
    string Name,
    double ElapsedSeconds,
    double ClientCpuSeconds,
    IReadOnlyList<OperationReport> Operations,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<string> Notes,
    ServedByReport ServedBy,
    IReadOnlyList<ProcessCpuReport> Watched);

/// <summary>The CPU a watched server process spent during the phase, in all and per call of the phase.</summary>
public sealed record ProcessCpuReport(string Name, double CpuSeconds, double MicrosecondsPerCall);

/// <summary>One operation of one phase. Latencies cover every attempt, errors included.</summary>
public sealed record OperationReport(
    string Name,
    long Calls,
    long Ok,
    long Retries,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    IReadOnlyDictionary<string, string> FirstErrorDetail,
    double CallsPerSecond,
    double OkPerSecond,
    LatencyReport LatencyMs);

public sealed record LatencyReport(double P50, double P90, double P99, double Max, double Mean);

/// <summary>Calls per interval by the silo that served them; <c>Intervals[i][j]</c> is silo j in interval i.</summary>
public sealed record ServedByReport(double IntervalSeconds, IReadOnlyList<string> Silos, IReadOnlyList<long[]> Intervals);
