using System.Globalization;
using System.Threading.RateLimiting;
using Dua.Gateway.Authentication;
using Dua.Gateway.Proxy;
using Dua.Gateway.Telemetry;
using Dua.ServiceDefaults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.RateLimiting;

/// <summary>
/// Per-caller token buckets (ASP.NET Core's rate limiter). A caller past its limit gets RESOURCE_EXHAUSTED; others are
/// not affected. Open paths (health, open reflection) are limited per remote address with the same bucket size: they
/// are cheap and probes stay far below it, but an anonymous flood must not reach the silos unchecked.
/// </summary>
public static class GatewayRateLimitExtensions
{
    public static WebApplicationBuilder AddGatewayRateLimit(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GatewayRateLimitOptions>(GatewayRateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<GatewayRateLimitOptions>>((limiter, options) =>
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, RateLimitPartitionKey>(
                    context => RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => Bucket(options.Value)));
                limiter.OnRejected = (rejected, _) =>
                {
                    rejected.HttpContext.RequestServices.GetRequiredService<GatewayMetrics>().RateLimited();
                    return new ValueTask(GrpcTrailersOnlyResponse.WriteAsync(
                        rejected.HttpContext,
                        GrpcTrailersOnlyResponse.ResourceExhausted,
                        Message(rejected.Lease)));
                };
            });
        return builder;
    }

    /// <summary>After the gate (the bucket is the caller's), before the response cache (stored answers count too).</summary>
    public static WebApplication UseGatewayRateLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartitionKey PartitionOf(HttpContext context) =>
        context.GetCaller() is { } caller
            ? new RateLimitPartitionKey(Authenticated: true, caller.Subject, caller.Organisation)
            : new RateLimitPartitionKey(Authenticated: false, context.Connection.RemoteIpAddress?.ToString() ?? "", "");

    private static TokenBucketRateLimiterOptions Bucket(GatewayRateLimitOptions options) => new()
    {
        TokenLimit = options.Burst,
        // A tenth of the rate every 100 ms (when it divides evenly) keeps the refill smooth rather than once a second.
        TokensPerPeriod = options.PermitsPerSecond % 10 == 0 ? options.PermitsPerSecond / 10 : options.PermitsPerSecond,
        ReplenishmentPeriod = options.PermitsPerSecond % 10 == 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
        // Refused at once rather than queued: a client that backs off does better than one whose calls wait here.
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string Message(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? string.Create(CultureInfo.InvariantCulture, $"rate limit exceeded for this caller; retry after {retryAfter.TotalSeconds:0.###} s")
            : "rate limit exceeded for this caller; retry later";
}
