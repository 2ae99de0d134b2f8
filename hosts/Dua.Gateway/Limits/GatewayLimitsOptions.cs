using System.ComponentModel.DataAnnotations;

namespace Dua.Gateway.Limits;

/// <summary>
/// Bounds on what one call may cost the platform. Bound from <c>Gateway:Limits</c>
/// (env <c>Gateway__Limits__MaxMessageBytes=262144</c>, <c>Gateway__Limits__SiloDeadline=00:00:10</c>,
/// <c>Gateway__Limits__RecountDeadline=00:01:30</c>).
/// </summary>
public sealed class GatewayLimitsOptions
{
    public const string SectionName = "Gateway:Limits";

    /// <summary>
    /// The largest request message passed on to a silo; a larger one is refused before it reaches one. The silos' own
    /// limit (<c>Silo:MaxReceiveMessageBytes</c>) must be at least this, so that nothing the gateway lets through dies
    /// at a silo: both default to 256 KiB.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The longest a unary dua.v1 call may take at a silo: sent as <c>grpc-timeout</c> when the client sent none or a
    /// longer one, so the silo gives up (DEADLINE_EXCEEDED) instead of working for a caller long gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SiloDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The same for <c>OperationsService/RecountRegion</c>, which reads every participant of a county: Stockholm's
    /// 231,000 of the national data set took 66 s, far past <see cref="SiloDeadline"/>. It must not exceed the silos
    /// cluster's <c>ActivityTimeout</c> (100 s unless set), or the proxy cuts the call first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecountDeadline { get; set; } = TimeSpan.FromSeconds(90);
}
