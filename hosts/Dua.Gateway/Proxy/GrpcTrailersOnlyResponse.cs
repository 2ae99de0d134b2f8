using System.Text;

namespace Dua.Gateway.Proxy;

/// <summary>
/// Ends a call at the gateway with a gRPC status and no message: HTTP 200 whose only headers carry <c>grpc-status</c>
/// and <c>grpc-message</c> (a "trailers-only" response), which every gRPC client reads as the call's status.
/// </summary>
public static class GrpcTrailersOnlyResponse
{
    public const int ResourceExhausted = 8;
    public const int Unavailable = 14;
    public const int Unauthenticated = 16;

    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        // Nothing more is written: Kestrel sends the headers alone and ends the stream.
        return response.CompleteAsync();
    }

    // The gRPC spec: grpc-message is percent-encoded UTF-8; printable ASCII other than '%' stays as it is.
    private static string PercentEncode(string message)
    {
        var text = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
