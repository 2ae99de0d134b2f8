using System.Globalization;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>
/// A call ended before gRPC reads it: HTTP 200 whose only headers carry <c>grpc-status</c> and <c>grpc-message</c>
/// (a "trailers-only" answer), which every gRPC client reads as the call's status.
/// </summary>
public sealed record RequestRefusal(StatusCode Status, string Message, string? AcceptEncoding = null)
{
    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)Status).ToString(CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded UTF-8; encoding more than the spec requires is allowed.
        response.Headers["grpc-message"] = Uri.EscapeDataString(Message);
        if (AcceptEncoding is not null)
        {
            response.Headers["grpc-accept-encoding"] = AcceptEncoding;
        }

        return response.CompleteAsync();
    }
}
