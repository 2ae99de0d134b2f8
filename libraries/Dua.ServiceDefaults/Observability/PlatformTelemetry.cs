namespace Dua.ServiceDefaults.Observability;

/// <summary>
/// The names the platform publishes its own telemetry under. Each host concern (the gateway's cache, the silo's writes)
/// makes its instruments on this one meter through <see cref="System.Diagnostics.Metrics.IMeterFactory"/>; every host
/// exports it, with the meters and activity sources of the frameworks it runs on.
/// </summary>
public static class PlatformTelemetry
{
    /// <summary>The platform's own meter (instruments named <c>dua.*</c>).</summary>
    public const string MeterName = "Dua.Platform";

    /// <summary>Orleans' meter: activations, messaging, storage latency and errors.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources: grain calls (with activity propagation on) and the runtime's own work.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    /// <summary>.NET's built-in meters: the runtime (GC, threads, exceptions), Kestrel and outgoing HTTP (YARP, gRPC clients).</summary>
    public static readonly string[] FrameworkMeters =
    [
        "System.Runtime",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
    ];
}
