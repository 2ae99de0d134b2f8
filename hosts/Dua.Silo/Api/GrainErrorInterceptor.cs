using Dua.Domain;
using Dua.Grains.Abstractions.Storage;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;

namespace Dua.Silo.Api;

/// <summary>
/// Turns what grains throw into the statuses the API promises, in one place: the domain's refusals become
/// FAILED_PRECONDITION (naming the rule), NOT_FOUND or INVALID_ARGUMENT (naming the field); Orleans' transient
/// failures while the cluster recovers from a lost silo, and database failures on any silo, become UNAVAILABLE (retry)
/// rather than UNKNOWN.
/// </summary>
public sealed class GrainErrorInterceptor(ILogger<GrainErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await continuation(request, context);
            }
            catch (Exception e) when (IsRejectedWhileMoving(e) && attempt < RetryDelays.Length)
            {
                // A grain's silo is leaving (a graceful stop, or a dead one being declared so) and the call was
                // refused before it ran. Every handler is safe to run again: reads change nothing, and every write
                // carries its request id. A short wait usually finds the grain's new home.
                await Task.Delay(RetryDelays[attempt], context.CancellationToken);
            }
            catch (Exception e) when (ToRpcException(e) is { } mapped)
            {
                Log(context, e, mapped);
                throw mapped;
            }
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (ToRpcException(e) is { } mapped)
        {
            Log(context, e, mapped);
            throw mapped;
        }
    }

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)];

    // Refused before it ran: the target silo is stopping or unreachable. Timeouts are not retried here (the
    // outcome is unknown and the time is already spent); the client retries those with the same request id.
    private static bool IsRejectedWhileMoving(Exception exception) =>
        exception is OrleansMessageRejectionException or OrleansLifecycleCanceledException;

    /// <summary>Whether a grain call failed only because the cluster is failing over or shutting down (worth retrying).</summary>
    public static bool IsTransient(Exception exception) =>
        ToRpcException(exception) is { StatusCode: StatusCode.Unavailable };

    /// <summary>The status for a grain failure, or null for an exception this layer does not own.</summary>
    public static RpcException? ToRpcException(Exception exception) => exception switch
    {
        // The domain names entities and fields in its own terms: the same statuses, with the wire's names.
        DomainRuleException { Kind: DomainRuleKind.Precondition } e => Rich(Code.FailedPrecondition, e.Message,
            new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "dua.v1", Subject = e.Subject, Description = e.Message } } }),
        DomainRuleException { Kind: DomainRuleKind.NotFound } e => Rich(Code.NotFound, e.Message,
            new ResourceInfo { ResourceType = WireNames.Entity(e.Subject), Description = e.Message }),
        DomainRuleException { Kind: DomainRuleKind.InvalidValue } e =>
            ErrorBounds.InvalidArgument([new BadRequest.Types.FieldViolation { Field = WireNames.Field(e.Subject), Description = e.Message }]),

        // SiloUnavailableException derives from this one.
        OrleansMessageRejectionException => new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "The cluster is recovering from a silo failure; retry.")),
        OrleansLifecycleCanceledException => new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "This silo is shutting down; retry.")),
        // A grain call that timed out has an unknown outcome; callers retry with the same request id.
        TimeoutException => new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "A grain call timed out during recovery; retry.")),
        // The database is down or refused a batch, on this silo or another (then wrapped by Orleans or not).
        _ when StorageUnavailableException.Find(exception) is { } storage =>
            new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, $"{storage.Message}; retry with the same request_id.")),
        _ => null,
    };

    private static RpcException Rich(Code code, string message, Google.Protobuf.IMessage detail) => ErrorBounds.Status(code, message, detail);

    private void Log(ServerCallContext context, Exception exception, RpcException mapped)
    {
        if (mapped.StatusCode == StatusCode.Unavailable)
        {
            logger.LogWarning("{Method} failed transiently: {Error}", context.Method, exception.Message);
        }
    }
}
