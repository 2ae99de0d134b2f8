using System.ComponentModel.DataAnnotations;

namespace Dua.Gateway.RateLimiting;

/// <summary>
/// Each caller's token bucket: a steady rate and the burst it may spend at once. Bound from <c>Gateway:RateLimit</c>
/// (env <c>Gateway__RateLimit__PermitsPerSecond=200</c>, <c>Gateway__RateLimit__Burst=400</c>).
/// </summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 200;

    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 400;
}
