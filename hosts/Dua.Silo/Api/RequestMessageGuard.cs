using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using Dua.Silo.Security;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Compression;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Api;

/// <summary>
/// Reads the request of every call that takes exactly one message (unary and server-streaming) before gRPC does, and
/// refuses it unless it is one well-formed message of the method's request type, with the status gRPC's status table
/// gives: RESOURCE_EXHAUSTED over the size limit (naming it), INTERNAL for a broken frame or bytes that do not
/// decompress, UNIMPLEMENTED for no message, more than one or an unsupported encoding, and INVALID_ARGUMENT for bytes
/// that do not decode ("the request is not a valid dua.v1.GetRegionRequest message"). Grpc.AspNetCore answers most of
/// these UNKNOWN, a caller's fault as if it were the server's, and logs a stack trace for each; it also inflates a
/// compressed message without a bound, which this guard checks first. It deserializes with the generated marshaller
/// before any interceptor runs and has no hook there, so a message that passes is parsed here once and again by gRPC.
/// One debug line per refusal (Grpc.AspNetCore's own information lines per refused call, category
/// Grpc.AspNetCore.Server.ServerCallHandler, are turned off in appsettings.json; its errors still show).
/// </summary>
public sealed class RequestMessageGuard(
    RequestDelegate next, IOptions<SiloSecurityOptions> security, IOptions<GrpcServiceOptions> grpc, ILogger<RequestMessageGuard> logger)
{
    private const int HeaderLength = 5;
    private const string Identity = "identity";

    private static readonly ConcurrentDictionary<Type, MessageDescriptor?> RequestTypes = new();

    private readonly int _limit = security.Value.MaxReceiveMessageBytes;
    private readonly Dictionary<string, ICompressionProvider> _decompressors =
        grpc.Value.CompressionProviders.ToDictionary(p => p.EncodingName, StringComparer.Ordinal);
    private readonly string _acceptEncoding = string.Join(",", grpc.Value.CompressionProviders.Select(p => p.EncodingName).Prepend(Identity));

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { Method.Type: MethodType.Unary or MethodType.ServerStreaming } endpoint
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            await next(context);
            return;
        }

        RequestRefusal? refusal;
        try
        {
            refusal = await CheckAsync(context, endpoint.Method);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The caller reset its stream or went away: nobody is left to answer.
            logger.LogDebug("{Method}: the caller left while sending its request ({Error})", endpoint.Method.FullName, e.Message);
            return;
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        logger.LogDebug("{Method} refused: {Status} {Detail}", endpoint.Method.FullName, refusal.Status, refusal.Message);
        await refusal.WriteAsync(context);
    }

    /// <summary>Reads the whole request (it is one message, at most the limit) without consuming it, so gRPC reads it again.</summary>
    private async Task<RequestRefusal?> CheckAsync(HttpContext context, IMethod method)
    {
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            var (done, refusal) = Inspect(buffer, read.IsCompleted, context.Request, method);
            if (!done)
            {
                // Examined to the end, so the next read waits for more.
                body.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            if (refusal is null)
            {
                body.AdvanceTo(buffer.Start);
                return null;
            }

            body.AdvanceTo(buffer.End);
            if (!read.IsCompleted)
            {
                await DrainAsync(body, buffer.Length, context.RequestAborted);
            }

            return refusal;
        }
    }

    /// <summary>
    /// Reads the rest of a refused request, up to one largest message, before answering: a request stream still open
    /// when the answer ends is reset, and the gateway, still forwarding it, would log the reset as its own failure.
    /// </summary>
    private async Task DrainAsync(System.IO.Pipelines.PipeReader body, long read, CancellationToken aborted)
    {
        while (read <= HeaderLength + (long)_limit)
        {
            var more = await body.ReadAsync(aborted);
            read += more.Buffer.Length;
            body.AdvanceTo(more.Buffer.End);
            if (more.IsCompleted)
            {
                return;
            }
        }
    }

    private (bool Done, RequestRefusal? Refusal) Inspect(ReadOnlySequence<byte> buffer, bool completed, HttpRequest request, IMethod method)
    {
        if (buffer.Length < HeaderLength)
        {
            return !completed ? (false, null)
                : buffer.IsEmpty ? (true, new(StatusCode.Unimplemented, $"the request carried no message; {method.FullName} takes exactly one"))
                : (true, new(StatusCode.Internal, "the request ended inside a message header"));
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        var (flag, length) = (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
        if (flag > 1)
        {
            return (true, new(StatusCode.Internal, $"the request's message header has the flag 0x{flag:x2}; it must be 0 or 1 (compressed)"));
        }

        if (length > _limit)
        {
            return (true, TooLarge(length));
        }

        if (buffer.Length > HeaderLength + length)
        {
            return (true, new(StatusCode.Unimplemented, $"{method.FullName} takes exactly one request message; more followed"));
        }

        if (!completed)
        {
            return (false, null);
        }

        if (buffer.Length < HeaderLength + length)
        {
            return (true, new(StatusCode.Internal, $"the request ended inside its message: {buffer.Length - HeaderLength} of {length} bytes"));
        }

        var message = buffer.Slice(HeaderLength);
        return (true, flag == 1 ? CheckCompressed(message, request.Headers["grpc-encoding"].ToString(), method) : CheckDecodes(message, method));
    }

    private RequestRefusal? CheckCompressed(ReadOnlySequence<byte> compressed, string encoding, IMethod method)
    {
        if (encoding.Length == 0 || encoding == Identity)
        {
            return new(StatusCode.Internal, encoding.Length == 0
                ? "the request's message is marked compressed, but the call declares no grpc-encoding"
                : "the request's message is marked compressed, but its grpc-encoding is identity");
        }

        if (!_decompressors.TryGetValue(encoding, out var decompressor))
        {
            return new(StatusCode.Unimplemented, $"grpc-encoding {ErrorBounds.Quote(encoding)} is not supported; supported: {_acceptEncoding}", _acceptEncoding);
        }

        // Some clients compress an empty message to no bytes at all.
        if (compressed.IsEmpty)
        {
            return CheckDecodes(compressed, method);
        }

        byte[] message;
        try
        {
            using var inflating = decompressor.CreateDecompressionStream(new MemoryStream(compressed.ToArray(), writable: false));
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            for (int read; (read = inflating.Read(chunk)) > 0;)
            {
                output.Write(chunk, 0, read);
                if (output.Length > _limit)
                {
                    return TooLarge(null);
                }
            }

            message = output.ToArray();
        }
        catch (InvalidDataException)
        {
            return new(StatusCode.Internal, $"the request's message is not valid {encoding} data");
        }

        // A gzip stream cut short inflates to a shorter message without an error; its trailer holds the length mod 2^32.
        if (encoding == "gzip" && (compressed.Length < 18 || BinaryPrimitives.ReadUInt32LittleEndian(compressed.Slice(compressed.Length - 4).ToArray()) != (uint)message.Length))
        {
            return new(StatusCode.Internal, "the request's gzip data is cut short");
        }

        return CheckDecodes(new ReadOnlySequence<byte>(message), method);
    }

    private static RequestRefusal? CheckDecodes(ReadOnlySequence<byte> message, IMethod method)
    {
        if (RequestTypeOf(method) is not { } type)
        {
            return null;
        }

        try
        {
            type.Parser.ParseFrom(message);
            return null;
        }
        catch (InvalidProtocolBufferException)
        {
            return new(StatusCode.InvalidArgument, $"the request is not a valid {type.FullName} message");
        }
    }

    private RequestRefusal TooLarge(uint? length) => new(StatusCode.ResourceExhausted, length is { } bytes
        ? $"the request message is {bytes} bytes, larger than the limit of {_limit} bytes"
        : $"the request message is larger than the limit of {_limit} bytes once decompressed");

    // Method<TRequest, TResponse>: the generated request type carries its descriptor (and so its parser).
    private static MessageDescriptor? RequestTypeOf(IMethod method) => RequestTypes.GetOrAdd(method.GetType(), type =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Method<,>)
            ? type.GetGenericArguments()[0].GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageDescriptor
            : null);
}
