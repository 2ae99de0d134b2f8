using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Dua.Gateway.Proxy;

/// <summary>
/// What a failure to forward a call means: the gRPC status its caller gets (gRPC's mapping of HTTP/2 errors, and
/// UNAVAILABLE only for what a retry can fix), and whether the silo is to blame, which alone may count against its
/// health. A caller that leaves, a request the silo resets, or an answer too large to read says nothing about the
/// silo's health; a silo that cannot be reached, closes the connection or hangs does.
/// </summary>
public readonly record struct ForwardingFailure(int Status, string Message, bool SiloAtFault)
{
    /// <param name="answered">Whether the silo's answer had begun: a silo that answered and then stopped reading the
    /// request (it refused it early) is not failing.</param>
    public static ForwardingFailure Of(ForwarderError error, Exception? exception, bool callerLeft, bool answered) => error switch
    {
        _ when callerLeft => new(GrpcTrailersOnlyResponse.Cancelled, "the caller cancelled the call", false),
        ForwarderError.RequestBodyDestination when answered => new(GrpcTrailersOnlyResponse.Internal, "the silo answered before reading the whole request", false),
        ForwarderError.NoAvailableDestinations => new(GrpcTrailersOnlyResponse.Unavailable, "no silo is available; retry", false),
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            => new(GrpcTrailersOnlyResponse.Cancelled, "the call was cancelled", false),
        ForwarderError.RequestBodyClient => new(GrpcTrailersOnlyResponse.Internal, "the request could not be read from the caller", false),
        ForwarderError.ResponseBodyClient => new(GrpcTrailersOnlyResponse.Cancelled, "the answer could not be sent to the caller", false),
        ForwarderError.RequestTimedOut => new(GrpcTrailersOnlyResponse.Unavailable, "the silo did not answer in time; retry", true),
        _ => FromException(exception),
    };

    // The silo's side failed (Request, RequestBodyDestination, ResponseBodyDestination, ResponseHeaders, ...): the
    // exception tells a reset stream (one call's business) from a connection that failed (the silo's).
    private static ForwardingFailure FromException(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case HttpProtocolException protocol:
                    return FromHttp2ErrorCode(protocol.ErrorCode);
                // .NET's HTTP/2 client fails an answer whose headers or trailers pass its 64 KiB limit with this
                // exception (not a public type); the answer (an error the caller's request caused) is lost, not the silo.
                case HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded }:
                case Exception decoding when decoding.GetType().Name == "HPackDecodingException":
                    return new(GrpcTrailersOnlyResponse.Internal, "the silo's answer exceeds what the gateway reads", false);
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return new(GrpcTrailersOnlyResponse.Internal, "the silo's answer could not be read", false);
            }
        }

        return new(GrpcTrailersOnlyResponse.Unavailable, "the silo could not be reached; retry", true);
    }

    // gRPC's table for HTTP/2 RST_STREAM error codes; only REFUSED_STREAM (the silo did not start the call) is worth a retry.
    private static ForwardingFailure FromHttp2ErrorCode(long code) => code switch
    {
        0x7 => new(GrpcTrailersOnlyResponse.Unavailable, "the silo refused the stream; retry", false),
        0x8 => new(GrpcTrailersOnlyResponse.Cancelled, "the silo cancelled the stream", false),
        0xb => new(GrpcTrailersOnlyResponse.ResourceExhausted, "the silo asked the gateway to slow down", false),
        0xc => new(GrpcTrailersOnlyResponse.PermissionDenied, "the silo refused the connection's security", false),
        _ => new(GrpcTrailersOnlyResponse.Internal, $"the silo reset the stream (HTTP/2 error 0x{code:x})", false),
    };
}
