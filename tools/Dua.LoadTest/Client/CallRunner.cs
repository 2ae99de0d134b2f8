using System.Diagnostics;
using Dua.LoadTest.Measurement;
using Grpc.Core;

namespace Dua.LoadTest.Client;

/// <summary>
/// Makes unary calls and measures each attempt: latency, status code and the silo that answered. Writes carry
/// request ids, so a call the platform answers UNAVAILABLE (a silo starting or lost) or that timed out may be
/// sent again safely; it is, with back-off, for up to <paramref name="retryFor"/>. Each attempt counts in the
/// report, so retries show as errors of their own code plus a retry count.
/// </summary>
public sealed class CallRunner(TimeSpan timeout, TimeSpan retryFor)
{
    public const string ServedByHeader = "dua-served-by";

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastBackOff = TimeSpan.FromSeconds(2);

    /// <summary>A runner that never retries: for measured workloads where an error is the figure.</summary>
    public static CallRunner NoRetries(TimeSpan timeout) => new(timeout, TimeSpan.Zero);

    /// <param name="start">Starts the call; static lambdas with <paramref name="state"/> keep the hot path free of closures.</param>
    public async Task<CallResult<TResponse>> RunAsync<TState, TResponse>(
        PhaseRecorder phase, OperationStats operation, TState state, Func<TState, CallOptions, AsyncUnaryCall<TResponse>> start,
        CancellationToken cancellation = default)
        where TResponse : class
    {
        var giveUpAt = Stopwatch.GetTimestamp() + (long)(retryFor.TotalSeconds * Stopwatch.Frequency);
        var backOff = FirstBackOff;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var call = start(state, new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellation));
            string? servedBy = null;
            try
            {
                servedBy = (await call.ResponseHeadersAsync.ConfigureAwait(false)).GetValue(ServedByHeader);
                var response = await call.ResponseAsync.ConfigureAwait(false);
                operation.Record(started, StatusCode.OK);
                phase.ServedBy.Record(servedBy);
                return new CallResult<TResponse>(response, Status.DefaultSuccess);
            }
            catch (RpcException e)
            {
                operation.Record(started, e.StatusCode);
                operation.RecordErrorDetail(e.StatusCode, e.Status.Detail);
                phase.ServedBy.Record(servedBy ?? ServedByOfFailed(call));
                var retryable = e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !cancellation.IsCancellationRequested;
                if (!retryable || Stopwatch.GetTimestamp() + (long)(backOff.TotalSeconds * Stopwatch.Frequency) > giveUpAt)
                {
                    return new CallResult<TResponse>(null, e.Status);
                }

                operation.CountRetry();
                await Task.Delay(backOff, cancellation).ConfigureAwait(false);
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, LastBackOff.Ticks));
            }
        }
    }

    // A call refused at once is answered "trailers-only": the one header block then holds the server's headers
    // with the status, and the client exposes it as trailers.
    private static string? ServedByOfFailed<TResponse>(AsyncUnaryCall<TResponse> call)
    {
        try
        {
            return call.GetTrailers().GetValue(ServedByHeader);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
