namespace Dua.Gateway.Authentication;

/// <summary>
/// The paths served without a token: the gateway's and the silos' health, its metrics (for the callers the service
/// defaults allow), and (by setting) gRPC reflection.
/// </summary>
public static class OpenPaths
{
    public const string GatewayHealth = "/healthz";
    public const string Liveness = "/health/live";
    public const string Readiness = "/health/ready";
    public const string Metrics = "/metrics";

    // Prefixes, not routes: the router decides later whether the rest of the path is served at all.
    private const string GrpcHealth = "/grpc.health.v1.";
    private const string ReflectionV1 = "/grpc.reflection.v1.";
    private const string ReflectionV1Alpha = "/grpc.reflection.v1alpha.";

    public static bool IsHealth(PathString path) =>
        path.Value is { } value
        && (value is GatewayHealth or Liveness or Readiness || value.StartsWith(GrpcHealth, StringComparison.Ordinal));

    public static bool IsMetrics(PathString path) => path.Value == Metrics;

    public static bool IsReflection(PathString path) =>
        path.Value is { } value
        && (value.StartsWith(ReflectionV1, StringComparison.Ordinal) || value.StartsWith(ReflectionV1Alpha, StringComparison.Ordinal));
}
