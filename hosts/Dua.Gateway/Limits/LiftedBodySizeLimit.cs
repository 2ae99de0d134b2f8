using Microsoft.AspNetCore.Http.Features;

namespace Dua.Gateway.Limits;

/// <summary>
/// Stands in for Kestrel's request body size feature, whose limit the gateway lifts for every request
/// (<see cref="GatewayLimitsExtensions.AddGatewayLimits"/>) because it bounds each message itself. YARP lifts the limit
/// once more on each gRPC request it forwards, and logs a warning per call when it cannot because a middleware has
/// read the body already (the message size check, the response cache); with this feature there is nothing to lift.
/// </summary>
internal sealed class LiftedBodySizeLimit : IHttpMaxRequestBodySizeFeature
{
    public static readonly LiftedBodySizeLimit Instance = new();

    public bool IsReadOnly => false;

    public long? MaxRequestBodySize
    {
        get => null;
        set
        {
            // Already unlimited at Kestrel; the message limit stays whatever anyone asks.
        }
    }
}
