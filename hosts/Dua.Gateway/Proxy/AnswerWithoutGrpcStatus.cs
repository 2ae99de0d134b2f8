using System.Globalization;
using Yarp.ReverseProxy.Transforms;

namespace Dua.Gateway.Proxy;

/// <summary>
/// A silo's answer to a gRPC call that is a bare HTTP error with no gRPC status becomes UNAVAILABLE. Kestrel answers 400
/// by itself when a request's body ends early (a connection cut as a silo dies) and nothing in the application answered
/// it; such a call never reached its handler, and any other bare error is a server's, so a retry is right. Passed on as
/// it was, gRPC clients would read HTTP 400 as INTERNAL and give up.
/// </summary>
public static class AnswerWithoutGrpcStatus
{
    public static ValueTask ToUnavailableAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is not { } answer
            || answer.StatusCode == System.Net.HttpStatusCode.OK
            || answer.Headers.Contains("grpc-status")
            || context.HttpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || context.HttpContext.Response.HasStarted)
        {
            return ValueTask.CompletedTask;
        }

        var response = context.HttpContext.Response;
        response.Headers.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = GrpcTrailersOnlyResponse.Unavailable.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = $"the silo answered HTTP {(int)answer.StatusCode} without a gRPC status; retry";
        context.SuppressResponseBody = true;
        return ValueTask.CompletedTask;
    }
}
