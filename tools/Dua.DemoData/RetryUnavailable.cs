using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dua.DemoData;

/// <summary>
/// Retries calls the platform answers with UNAVAILABLE (starting up, or recovering from a lost silo) for up to
/// 60 s. Safe because every demo request carries a fixed request_id: a retry never applies anything twice.
/// </summary>
internal sealed class RetryUnavailable : Interceptor
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var response = RetryAsync(() => continuation(request, context).ResponseAsync);
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}
