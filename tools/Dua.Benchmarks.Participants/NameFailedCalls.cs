using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dua.Benchmarks.Participants;

/// <summary>Turns every failed unary call into a <see cref="CallFailedException"/> naming its method.</summary>
public sealed class NameFailedCalls : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(Named(call.ResponseAsync, context.Method.FullName),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<T> Named<T>(Task<T> response, string method)
    {
        try
        {
            return await response;
        }
        catch (RpcException e)
        {
            throw new CallFailedException(method, e.Status);
        }
    }
}
