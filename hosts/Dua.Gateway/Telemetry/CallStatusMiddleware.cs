using Microsoft.AspNetCore.Http.Features;

namespace Dua.Gateway.Telemetry;

/// <summary>
/// First in the gateway's pipeline: counts every gRPC call by the status its caller got, read from the answer's
/// headers (a trailers-only answer, as the gateway's own refusals are) or its trailers (a silo's full answer).
/// </summary>
public sealed class CallStatusMiddleware(RequestDelegate next, GatewayMetrics metrics)
{
    // gRPC's canonical status names by code; anything else is counted as "invalid".
    private static readonly string[] Names =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            metrics.Answered(StatusOf(context));
        }
    }

    private static string StatusOf(HttpContext context)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return "CANCELLED";
        }

        var status = context.Response.Headers["grpc-status"].ToString();
        if (status.Length == 0 && context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
        {
            status = trailers["grpc-status"].ToString();
        }

        return status.Length == 0 ? "NONE"
            : int.TryParse(status, out var code) && code >= 0 && code < Names.Length ? Names[code] : "INVALID";
    }
}
