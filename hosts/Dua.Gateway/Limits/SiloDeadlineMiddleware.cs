using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>
/// Caps the deadline of unary dua.v1 calls at <see cref="GatewayLimitsOptions.SiloDeadline"/>, and a recount's at
/// <see cref="GatewayLimitsOptions.RecountDeadline"/>. Long-lived streams keep whatever the client asked for: a watch
/// is meant to stay open.
/// </summary>
public sealed class SiloDeadlineMiddleware(RequestDelegate next, IOptions<GatewayLimitsOptions> options)
{
    private const string DuaServices = "/dua.v1.";

    /// <summary>The server-streaming methods; every other dua.v1 method is unary.</summary>
    private static readonly HashSet<string> Streams = new(StringComparer.Ordinal)
    {
        "/dua.v1.StatisticsService/WatchRegionSummary",
    };

    private const string Recount = "/dua.v1.OperationsService/RecountRegion";

    private readonly Deadline _unary = new(options.Value.SiloDeadline);
    private readonly Deadline _recount = new(options.Value.RecountDeadline);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Value is { } path && path.StartsWith(DuaServices, StringComparison.Ordinal) && !Streams.Contains(path))
        {
            var deadline = path == Recount ? _recount : _unary;
            var headers = context.Request.Headers;
            if (!GrpcTimeout.TryParse(headers[GrpcTimeout.HeaderName], out var asked) || asked > deadline.Longest)
            {
                headers[GrpcTimeout.HeaderName] = deadline.Header;
            }
        }

        return next(context);
    }

    private sealed class Deadline(TimeSpan longest)
    {
        public TimeSpan Longest { get; } = longest;

        public string Header { get; } = GrpcTimeout.Format(longest);
    }
}
