using System.Diagnostics.Metrics;
using Dua.ServiceDefaults.Observability;

namespace Dua.Silo.Telemetry;

/// <summary>
/// The silo's own instruments on the platform meter. Labels are bounded: gRPC method names from the contract
/// (only mapped methods reach the interceptors), gRPC status names, grain method names and county codes (21);
/// never a caller, an id or anything a caller typed.
/// </summary>
public sealed class SiloMetrics
{
    private readonly Counter<long> _acknowledgedWrites;
    private readonly Counter<long> _refusedCalls;
    private readonly Histogram<double> _feedDuration;
    private readonly Histogram<double> _summaryFreshness;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<int> _commitWrites;
    private readonly Histogram<double> _writeDuration;

    public SiloMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformTelemetry.MeterName);
        _acknowledgedWrites = meter.CreateCounter<long>("dua.silo.acknowledged_writes", "{write}",
            "Writes the silo acknowledged to its caller (status OK, audit record stored), by gRPC method.");
        _refusedCalls = meter.CreateCounter<long>("dua.silo.refused_calls", "{call}",
            "Calls answered with a status other than OK, by gRPC method and status.");
        _feedDuration = meter.CreateHistogram("dua.statistics.feed.duration", "s",
            "How long feeding a change's facts to its county's live statistics took (part of every write), by grain method.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _summaryFreshness = meter.CreateHistogram("dua.statistics.summary.freshness", "s",
            "Time from a change fed to a county's statistics (just before its write is acknowledged) to this silo's first summary that includes it.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] });
        // The group commit's figures: how long PostgreSQL takes to make a batch durable, how many writes share it,
        // and how long one write waits from being queued to being durable (the commit running before it, and its own).
        _commitDuration = meter.CreateHistogram("dua.storage.commit.duration", "s",
            "How long one group commit took, from sending its batch to PostgreSQL's confirmation that it is durable.",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = CommitBuckets });
        _commitWrites = meter.CreateHistogram<int>("dua.storage.commit.writes", "{write}",
            "State writes and audit records one group commit carried.",
            tags: null, new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _writeDuration = meter.CreateHistogram("dua.storage.write.duration", "s",
            "How long one state write or audit record took from being queued to being durable (or refused as stale).",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = CommitBuckets });
    }

    private static readonly double[] CommitBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

    public void AcknowledgedWrite(string method) =>
        _acknowledgedWrites.Add(1, new KeyValuePair<string, object?>("rpc.method", method));

    public void RefusedCall(string method, Grpc.Core.StatusCode status) =>
        _refusedCalls.Add(1,
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status", StatusName(status)));

    public void Fed(string grainMethod, TimeSpan took) =>
        _feedDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("method", grainMethod));

    public void SummaryFresh(TimeSpan sinceWrite) => _summaryFreshness.Record(sinceWrite.TotalSeconds);

    public void Committed(int writes, TimeSpan took)
    {
        _commitWrites.Record(writes);
        _commitDuration.Record(took.TotalSeconds);
    }

    public void WriteDurable(TimeSpan sinceQueued) => _writeDuration.Record(sinceQueued.TotalSeconds);

    // gRPC's canonical names (UNAVAILABLE, not Unavailable), as every gRPC tool shows them.
    private static string StatusName(Grpc.Core.StatusCode status) => status switch
    {
        Grpc.Core.StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        Grpc.Core.StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        Grpc.Core.StatusCode.NotFound => "NOT_FOUND",
        Grpc.Core.StatusCode.AlreadyExists => "ALREADY_EXISTS",
        Grpc.Core.StatusCode.PermissionDenied => "PERMISSION_DENIED",
        Grpc.Core.StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        Grpc.Core.StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        Grpc.Core.StatusCode.OutOfRange => "OUT_OF_RANGE",
        Grpc.Core.StatusCode.DataLoss => "DATA_LOSS",
        _ => status.ToString().ToUpperInvariant(),
    };
}
