using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;

namespace Dua.Silo.Api;

/// <summary>
/// While the cluster recovers from a lost silo, grain calls are rejected for some seconds. Clients must see
/// that as UNAVAILABLE (retry) rather than UNKNOWN, so this maps Orleans' transient failures accordingly.
/// </summary>
public sealed class OrleansFailoverInterceptor(ILogger<OrleansFailoverInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            logger.LogWarning("{Method} failed transiently: {Error}", context.Method, e.Message);
            throw new RpcException(status);
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
        catch (Exception e) when (ToStatus(e) is { } status)
        {
            logger.LogWarning("{Method} failed transiently: {Error}", context.Method, e.Message);
            throw new RpcException(status);
        }
    }

    /// <summary>The status for an exception that means "the cluster is recovering", or null for any other.</summary>
    public static Status? ToStatus(Exception exception) => exception switch
    {
        // SiloUnavailableException derives from this one.
        OrleansMessageRejectionException => new Status(StatusCode.Unavailable, "The cluster is recovering from a silo failure; retry."),
        OrleansLifecycleCanceledException => new Status(StatusCode.Unavailable, "This silo is shutting down; retry."),
        // A grain call that timed out has an unknown outcome; callers retry with the same request id.
        TimeoutException => new Status(StatusCode.Unavailable, "A grain call timed out during recovery; retry."),
        _ => null,
    };
}
