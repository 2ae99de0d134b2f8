using Dua.Security;
using Grpc.Core;

namespace Dua.Silo.Security;

/// <summary>Where <see cref="GatewayCallInterceptor"/> leaves the caller for the API classes.</summary>
public static class CallerContext
{
    private static readonly object Key = new();

    // The call's user state: on a server, the HTTP request's items.
    internal static void SetCaller(this ServerCallContext context, Caller caller) =>
        context.UserState[Key] = caller;

    /// <summary>The caller the gateway vouched for. Every dua.v1 call has one; the interceptor refuses it otherwise.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : throw new InvalidOperationException($"No caller on {context.Method}: is {nameof(GatewayCallInterceptor)} registered?");
}
