using Dua.Web.SignIn;
using Grpc.Core;

namespace Dua.Web.Platform;

/// <summary>The gateway refused: the person's sign-in does not cover what the page asked for.</summary>
public sealed class AccessRefusedException(string message) : Exception(message);

/// <summary>No such county or municipality (or a malformed code in the address).</summary>
public sealed class AreaNotFoundException(string message) : Exception(message);

/// <summary>The gateway or a silo could not answer now; the page says so and tries again.</summary>
public sealed class FiguresUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>The one mapping from gRPC statuses to what a page does about them.</summary>
public static class PlatformErrors
{
    public static Exception Translate(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.StatusCode switch
        {
            StatusCode.PermissionDenied => new AccessRefusedException(e.Status.Detail),
            StatusCode.NotFound or StatusCode.InvalidArgument => new AreaNotFoundException(e.Status.Detail),
            StatusCode.Unauthenticated => new SessionExpiredException("the gateway did not accept the access token"),
            _ => new FiguresUnavailableException($"{e.StatusCode}: {e.Status.Detail}", e),
        };
    }
}
