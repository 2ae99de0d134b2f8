using Dua.Security;
using Grpc.Core;

namespace Dua.Silo.Security;

/// <summary>Where <see cref="GatewayCallInterceptor"/> leaves the caller for the API classes.</summary>
public static class CallerContext
{
    private static readonly object Key = new();

    internal static void SetCaller(this ServerCallContext context, Caller caller) =>
        context.GetHttpContext().Items[Key] = caller;

    /// <summary>The caller the gateway vouched for. Every dua.v1 call has one; the interceptor refuses it otherwise.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.GetHttpContext().Items[Key] as Caller
        ?? throw new InvalidOperationException($"No caller on {context.Method}: is {nameof(GatewayCallInterceptor)} registered?");
}
