using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Dua.Gateway.Proxy;

/// <summary>
/// The last step before YARP's forwarder: when forwarding failed before an answer started, the caller gets the gRPC
/// status the failure means instead of a bare HTTP 502 (which gRPC clients read as UNAVAILABLE, to be retried forever)
/// or 400 (INTERNAL); and a failure that is not the silo's is hidden from the passive health check that runs after
/// this step, so no caller's bad request can take a silo out of rotation. One log line per failure.
/// </summary>
public sealed class ForwardingFailureMiddleware(RequestDelegate next, ILogger<ForwardingFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return;
        }

        var failure = ForwardingFailure.Of(error.Error, error.Exception, context.RequestAborted.IsCancellationRequested, context.Response.HasStarted);
        var silo = context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId ?? "(none)";
        if (failure.SiloAtFault)
        {
            logger.LogWarning("{Path} via {Silo}: {Error} ({Problem}); answered {Status}", context.Request.Path.Value, silo, error.Error, error.Exception?.Message, failure.Status);
        }
        else
        {
            logger.LogDebug("{Path} via {Silo}: {Error} ({Problem}); answered {Status}", context.Request.Path.Value, silo, error.Error, error.Exception?.Message, failure.Status);
            context.Features.Set<IForwarderErrorFeature>(null);
        }

        if (!context.Response.HasStarted)
        {
            await GrpcTrailersOnlyResponse.WriteAsync(context, failure.Status, failure.Message);
        }
    }
}
