namespace Dua.Gateway.Authentication;

/// <summary>The paths served without a token: the gateway's and the silos' health, and (by setting) gRPC reflection.</summary>
public static class OpenPaths
{
    public const string GatewayHealth = "/healthz";

    // Prefixes, not routes: the router decides later whether the rest of the path is served at all.
    private const string GrpcHealth = "/grpc.health.v1.";
    private const string ReflectionV1 = "/grpc.reflection.v1.";
    private const string ReflectionV1Alpha = "/grpc.reflection.v1alpha.";

    public static bool IsHealth(PathString path) =>
        path.Value is { } value
        && (value == GatewayHealth || value.StartsWith(GrpcHealth, StringComparison.Ordinal));

    public static bool IsReflection(PathString path) =>
        path.Value is { } value
        && (value.StartsWith(ReflectionV1, StringComparison.Ordinal) || value.StartsWith(ReflectionV1Alpha, StringComparison.Ordinal));
}
