using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// The calls of one operation in one phase: how many, how each ended, and their latencies (errors included,
/// since a fast error is still an answer the client waited for). Safe to record from many threads.
/// </summary>
public sealed class OperationStats(string name)
{
    // Microseconds from 1 µs to 10 minutes, 3 significant digits: well under 1 % error at any percentile.
    private const long HighestMicroseconds = 600_000_000;
    private static readonly int StatusCodes = Enum.GetValues<StatusCode>().Max(c => (int)c) + 1;

    private readonly LongConcurrentHistogram _latency = new(1, HighestMicroseconds, 3);
    private readonly long[] _byStatus = new long[StatusCodes];
    private readonly ConcurrentDictionary<StatusCode, string> _firstDetail = new();
    private long _calls;
    private long _retries;

    public string Name { get; } = name;

    public long Calls => Volatile.Read(ref _calls);

    public long Errors => Calls - Volatile.Read(ref _byStatus[(int)StatusCode.OK]);

    public long Retries => Volatile.Read(ref _retries);

    public void Record(long startTimestamp, StatusCode status)
    {
        var microseconds = (long)(Stopwatch.GetElapsedTime(startTimestamp).Ticks / 10.0);
        _latency.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));
        Interlocked.Increment(ref _byStatus[(int)status]);
        Interlocked.Increment(ref _calls);
    }

    public void CountRetry() => Interlocked.Increment(ref _retries);

    /// <summary>Keeps the first error detail of each status code, so the report can say what went wrong.</summary>
    public void RecordErrorDetail(StatusCode status, string detail) => _firstDetail.TryAdd(status, detail);

    /// <summary>The first detail seen for each error status code, by the code's gRPC name.</summary>
    public IReadOnlyDictionary<string, string> ErrorDetails() =>
        _firstDetail.OrderBy(p => p.Key).ToDictionary(p => GrpcName(p.Key), p => p.Value);

    public long CountOf(StatusCode status) => Volatile.Read(ref _byStatus[(int)status]);

    /// <summary>Calls by status code, errors only, by the code's gRPC name (e.g. UNAVAILABLE).</summary>
    public IReadOnlyDictionary<string, long> ErrorsByStatus() =>
        Enumerable.Range(0, StatusCodes)
            .Where(code => code != (int)StatusCode.OK && Volatile.Read(ref _byStatus[code]) > 0)
            .ToDictionary(code => GrpcName((StatusCode)code), code => Volatile.Read(ref _byStatus[code]));

    /// <summary>Latency at a percentile in milliseconds (100 gives the maximum); 0 when nothing was recorded.</summary>
    public double LatencyMilliseconds(double percentile) =>
        _latency.TotalCount == 0 ? 0 : (percentile >= 100 ? _latency.GetMaxValue() : _latency.GetValueAtPercentile(percentile)) / 1000.0;

    public double MeanLatencyMilliseconds() => _latency.TotalCount == 0 ? 0 : _latency.GetMean() / 1000.0;

    /// <summary>The code's name as the gRPC specification writes it, e.g. DEADLINE_EXCEEDED.</summary>
    public static string GrpcName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => code.ToString().ToUpperInvariant(),
    };
}
