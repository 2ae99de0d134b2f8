using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Dua.Gateway.Tests;

/// <summary>
/// A gRPC call made by hand over h2c, so a test controls every header (tokens good and bad, headers a client should
/// not send) and sees the status however it came: in the trailers, or alone in the headers (trailers-only).
/// </summary>
internal static class RawGrpcCall
{
    public static async Task<RawGrpcAnswer> SendAsync(
        HttpClient http,
        Uri address,
        string path,
        string? token,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        int messageBytes = 0)
    {
        var frame = new byte[5 + messageBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), messageBytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var fields = response.Headers.Concat(response.Content.Headers).Concat(response.TrailingHeaders)
            .ToDictionary(header => header.Key.ToLowerInvariant(), header => string.Join(",", header.Value));
        return new RawGrpcAnswer(response.StatusCode, fields, body);
    }
}

/// <summary>An answer as it arrived; headers and trailers together, since a trailers-only answer has only headers.</summary>
internal sealed record RawGrpcAnswer(HttpStatusCode HttpStatus, Dictionary<string, string> Fields, byte[] Body)
{
    public string? GrpcStatus => Fields.GetValueOrDefault("grpc-status");

    public string GrpcMessage => Uri.UnescapeDataString(Fields.GetValueOrDefault("grpc-message") ?? "");
}
