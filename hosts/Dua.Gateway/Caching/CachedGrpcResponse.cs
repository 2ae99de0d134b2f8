using Microsoft.Extensions.Primitives;

namespace Dua.Gateway.Caching;

/// <summary>
/// One complete, successful gRPC answer as the gateway passed it on: its headers (<c>dua-served-by</c> still names the
/// silo that produced it), the framed message bytes and the trailers with <c>grpc-status: 0</c>. Immutable and shared.
/// </summary>
public sealed class CachedGrpcResponse(
    KeyValuePair<string, StringValues>[] headers,
    byte[] body,
    KeyValuePair<string, StringValues>[] trailers)
{
    public IReadOnlyList<KeyValuePair<string, StringValues>> Headers => headers;

    public ReadOnlyMemory<byte> Body => body;

    public IReadOnlyList<KeyValuePair<string, StringValues>> Trailers => trailers;

    /// <summary>Roughly what the answer occupies in memory, for the cache's size bound.</summary>
    public int EstimatedSize => 64 + body.Length + Size(headers) + Size(trailers);

    /// <summary>Sends this answer to the caller: the same status, headers, message and trailers.</summary>
    /// <param name="source">The <c>dua-cache</c> header value that tells the caller where the answer came from.</param>
    public async Task WriteToAsync(HttpContext context, string source)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[ResponseCacheHeader.Name] = source;
        await response.BodyWriter.WriteAsync(body, context.RequestAborted);
        foreach (var (name, value) in trailers)
        {
            response.AppendTrailer(name, value);
        }

        await response.CompleteAsync();
    }

    private static int Size(KeyValuePair<string, StringValues>[] fields) =>
        fields.Sum(field => 32 + 2 * (field.Key.Length + field.Value.Sum(value => value?.Length ?? 0)));
}
