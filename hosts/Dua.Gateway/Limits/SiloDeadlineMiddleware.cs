using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>
/// Caps the deadline of unary dua.v1 calls at <see cref="GatewayLimitsOptions.SiloDeadline"/>. Long-lived streams keep
/// whatever the client asked for: a watch is meant to stay open.
/// </summary>
public sealed class SiloDeadlineMiddleware(RequestDelegate next, IOptions<GatewayLimitsOptions> options)
{
    private const string DuaServices = "/dua.v1.";

    /// <summary>The server-streaming methods; every other dua.v1 method is unary.</summary>
    private static readonly HashSet<string> Streams = new(StringComparer.Ordinal)
    {
        "/dua.v1.StatisticsService/WatchRegionSummary",
    };

    private readonly TimeSpan _deadline = options.Value.SiloDeadline;
    private readonly string _formatted = GrpcTimeout.Format(options.Value.SiloDeadline);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Value is { } path && path.StartsWith(DuaServices, StringComparison.Ordinal) && !Streams.Contains(path))
        {
            var headers = context.Request.Headers;
            if (!GrpcTimeout.TryParse(headers[GrpcTimeout.HeaderName], out var asked) || asked > _deadline)
            {
                headers[GrpcTimeout.HeaderName] = _formatted;
            }
        }

        return next(context);
    }
}
