using Dua.Contracts;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dua.Silo.Telemetry;

/// <summary>
/// Counts how every call ended, outermost of the silo's interceptors so that it sees the final status: refusals by
/// status, and acknowledged writes (a unary call with a <c>request_id</c>, as the audit trail defines a write).
/// </summary>
public sealed class CallOutcomeInterceptor(SiloMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception e)
        {
            metrics.RefusedCall(context.Method, StatusOf(e));
            throw;
        }

        if (request is IMessage message && RequestIds.Of(message) is { Length: > 0 })
        {
            metrics.AcknowledgedWrite(context.Method);
        }

        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            metrics.RefusedCall(context.Method, StatusOf(e));
            throw;
        }
    }

    // An exception that is not an RpcException reaches the caller as UNKNOWN.
    private static StatusCode StatusOf(Exception e) => e switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException => StatusCode.Cancelled,
        _ => StatusCode.Unknown,
    };
}
