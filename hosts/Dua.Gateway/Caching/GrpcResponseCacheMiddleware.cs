using System.Buffers;
using System.Collections.Frozen;
using Microsoft.Extensions.Options;

using Dua.Gateway.Telemetry;

namespace Dua.Gateway.Caching;

/// <summary>
/// Answers allow-listed gRPC reads from the cache when it can, before routing and forwarding; sends one call per
/// distinct question to a silo and stores its answer when it is complete and successful. Every other request passes
/// straight through.
/// </summary>
public sealed class GrpcResponseCacheMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GrpcResponseCache _cache;
    private readonly ICallerView _callerView;
    private readonly FrozenSet<string> _methods;
    private readonly int _maxRequestBytes;
    private readonly int _maxResponseBytes;
    private readonly GatewayMetrics _metrics;

    public GrpcResponseCacheMiddleware(
        RequestDelegate next,
        GrpcResponseCache cache,
        ICallerView callerView,
        IOptions<ResponseCacheOptions> options,
        GatewayMetrics metrics)
    {
        _metrics = metrics;
        _next = next;
        _cache = cache;
        _callerView = callerView;
        _methods = options.Value.Methods.ToFrozenSet(StringComparer.Ordinal);
        _maxRequestBytes = options.Value.MaxRequestBytes;
        _maxResponseBytes = options.Value.MaxResponseBytes;
    }

    public Task InvokeAsync(HttpContext context) =>
        IsCacheable(context.Request) && _callerView.KeyOf(context) is { } view ? InvokeCachedAsync(context, view) : _next(context);

    // gRPC paths are case-sensitive; HTTP/2 carries the trailers a gRPC answer ends with.
    private bool IsCacheable(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value is { } path && _methods.Contains(path)
        && request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
        && HttpProtocol.IsHttp2(request.Protocol);

    private async Task InvokeCachedAsync(HttpContext context, string view)
    {
        var body = context.Request.BodyReader;
        var read = await body.ReadAtLeastAsync(_maxRequestBytes + 1, context.RequestAborted);
        var message = read.Buffer;
        // A compressed message is left to the silos: its bytes alone do not say what was asked (grpc-encoding does).
        if (!read.IsCompleted || message.Length > _maxRequestBytes || message.FirstSpan is [not 0, ..])
        {
            // Too large to be a question worth keeping, or compressed: leave the body unread for the forwarder.
            body.AdvanceTo(message.Start);
            await _next(context);
            return;
        }

        var key = new GrpcCacheKey(context.Request.Path.Value!, view, message.ToArray());
        if (_cache.TryGet(key, out var stored))
        {
            body.AdvanceTo(message.End);
            _metrics.ResponseCache("hit");
            await stored.WriteToAsync(context, ResponseCacheHeader.Hit);
            return;
        }

        // Examined but not consumed: the forwarder reads the same bytes again if this call goes to a silo.
        body.AdvanceTo(message.Start, message.End);
        var (leads, answer) = _cache.JoinOrLead(key);
        _metrics.ResponseCache(leads ? "miss" : "shared");
        if (leads)
        {
            await LeadAsync(context, key);
            return;
        }

        var shared = await answer.WaitAsync(context.RequestAborted);
        if (shared is not null)
        {
            await shared.WriteToAsync(context, ResponseCacheHeader.Shared);
            return;
        }

        // The call that went produced no answer to share (an error, or its caller left): ask a silo alone. An error is
        // never handed on, and these calls do not queue behind one another again.
        await _next(context);
    }

    private async Task LeadAsync(HttpContext context, GrpcCacheKey key)
    {
        // Ended once: when the forwarder completes the response (before the caller has the end of it), or else when the
        // call returns or fails.
        var ended = 0;
        void End(CachedGrpcResponse? answer)
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                _cache.Complete(key, answer);
            }
        }

        try
        {
            using var recorder = ResponseRecorder.Install(context, _maxResponseBytes, beforeEnd: r => End(r.TryGetStorableAnswer()));
            await _next(context);
            End(recorder.TryGetStorableAnswer());
        }
        finally
        {
            End(null);
        }
    }
}
