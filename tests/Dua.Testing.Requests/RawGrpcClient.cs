using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Dua.Testing.Requests;

/// <summary>
/// Sends any bytes as a gRPC request body over h2c and reads the outcome the way a gRPC client does (the rules of
/// gRPC's HTTP-to-status mapping): the status from the trailers or a trailers-only answer, an HTTP error status or a
/// reset stream mapped to the status a client would see. For requests no generated client can send.
/// </summary>
public sealed class RawGrpcClient(HttpMessageHandler handler, Uri address, IReadOnlyList<KeyValuePair<string, string>> headers) : IDisposable
{
    private readonly HttpClient _http = new(handler) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Over loopback h2c to <paramref name="address"/>.</summary>
    public RawGrpcClient(Uri address, IReadOnlyList<KeyValuePair<string, string>> headers)
        : this(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }, address, headers)
    {
    }

    /// <param name="path">"dua.v1.Service/Method", or any other path.</param>
    /// <param name="body">The whole request body: frames, or anything else.</param>
    /// <param name="encoding">A grpc-encoding header to send, or none.</param>
    public async Task<RawGrpcOutcome> CallAsync(string path, byte[] body, string? encoding = null, TimeSpan? deadline = null)
    {
        var timeout = deadline ?? TimeSpan.FromSeconds(20);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/" + path.TrimStart('/')))
        {
            // h2c with prior knowledge, as gRPC clients speak to the platform.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new UnsizedContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(long)timeout.TotalMilliseconds}m");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // The client's own limit, a little past the deadline it sent: the server should have ended the call by then.
        using var cancel = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(10));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            await response.Content.CopyToAsync(Stream.Null, cancel.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new RawGrpcOutcome(FromHttpStatus(response.StatusCode), $"HTTP {(int)response.StatusCode}", 0);
            }

            return FromStatusFields(response.TrailingHeaders) ?? FromStatusFields(response.Headers)
                ?? new RawGrpcOutcome(StatusCode.Cancelled, "no grpc-status in the answer", 0);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return new RawGrpcOutcome(StatusCode.DeadlineExceeded, "no answer within the client's deadline", 0);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new RawGrpcOutcome(FromException(e), $"{e.GetType().Name}: {e.Message}", 0);
        }
    }

    public void Dispose() => _http.Dispose();

    private static RawGrpcOutcome? FromStatusFields(HttpHeaders fields)
    {
        if (!fields.TryGetValues("grpc-status", out var statuses))
        {
            return null;
        }

        var message = fields.TryGetValues("grpc-message", out var messages) ? string.Concat(messages) : "";
        var details = fields.TryGetValues("grpc-status-details-bin", out var detailValues) ? string.Concat(detailValues) : "";
        var status = int.TryParse(statuses.First(), out var code) ? (StatusCode)code : StatusCode.Unknown;
        return new RawGrpcOutcome(status, Uri.UnescapeDataString(message), message.Length + details.Length);
    }

    private static StatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 or 431 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    // A reset stream carries an HTTP/2 error code that gRPC maps to a status; any other failure to talk is UNAVAILABLE.
    private static StatusCode FromException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpProtocolException protocol)
            {
                return protocol.ErrorCode switch
                {
                    0x7 => StatusCode.Unavailable,
                    0x8 => StatusCode.Cancelled,
                    0xb => StatusCode.ResourceExhausted,
                    0xc => StatusCode.PermissionDenied,
                    _ => StatusCode.Internal,
                };
            }
        }

        return StatusCode.Unavailable;
    }

    /// <summary>A body sent without content-length, as gRPC clients send theirs.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
