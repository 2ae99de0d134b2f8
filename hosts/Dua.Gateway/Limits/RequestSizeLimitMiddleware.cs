using Dua.Gateway.Proxy;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>
/// Refuses requests larger than <see cref="GatewayLimitsOptions.MaxRequestBytes"/> as RESOURCE_EXHAUSTED (the gRPC status
/// for a message over a size limit): at once when the declared length says so, otherwise as soon as the limit is read.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<GatewayLimitsOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > _limit)
        {
            await RefuseAsync(context);
            return;
        }

        var body = new LimitedRequestBody(request.Body, _limit);
        request.Body = body;
        try
        {
            await next(context);
        }
        catch (RequestTooLargeException) when (!context.Response.HasStarted)
        {
        }

        if (body.Exceeded)
        {
            if (context.Response.HasStarted)
            {
                // Part of an answer is on its way already; only cutting the stream tells the caller it failed.
                context.Abort();
                return;
            }

            await RefuseAsync(context);
        }
    }

    private Task RefuseAsync(HttpContext context) => GrpcTrailersOnlyResponse.WriteAsync(
        context,
        GrpcTrailersOnlyResponse.ResourceExhausted,
        $"the request is larger than the gateway's limit of {_limit} bytes");
}
