using System.Diagnostics.Metrics;
using Dua.ServiceDefaults.Observability;

namespace Dua.Gateway.Telemetry;

/// <summary>
/// The gateway's own instruments on the platform meter. Labels are bounded: gRPC status names and fixed words; never
/// a path (any caller can send any path), a caller, a token or anything else a caller chose.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Counter<long> _answeredCalls;
    private readonly Counter<long> _responseCache;
    private readonly Counter<long> _tokenCache;
    private readonly Counter<long> _rateLimited;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformTelemetry.MeterName);
        _answeredCalls = meter.CreateCounter<long>("dua.gateway.calls", "{call}",
            "gRPC calls the gateway answered, by final status (the silo's, or the gateway's own refusal).");
        _responseCache = meter.CreateCounter<long>("dua.gateway.response_cache.lookups", "{lookup}",
            "Cacheable reads by outcome: hit (a stored answer), shared (joined a call in flight), miss (went to a silo).");
        _tokenCache = meter.CreateCounter<long>("dua.gateway.token_cache.lookups", "{lookup}",
            "Bearer tokens looked up among those already validated: hit, or miss (validated in full).");
        _rateLimited = meter.CreateCounter<long>("dua.gateway.rate_limit.refusals", "{call}",
            "Calls refused with RESOURCE_EXHAUSTED because their caller's bucket was empty.");
    }

    public void Answered(string status) => _answeredCalls.Add(1, new KeyValuePair<string, object?>("rpc.grpc.status", status));

    public void ResponseCache(string result) => _responseCache.Add(1, new KeyValuePair<string, object?>("result", result));

    public void TokenCache(bool hit) => _tokenCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void RateLimited() => _rateLimited.Add(1);
}
