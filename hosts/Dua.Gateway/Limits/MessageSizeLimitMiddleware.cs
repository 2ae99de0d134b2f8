using System.Buffers;
using System.Buffers.Binary;
using Dua.Gateway.Proxy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Limits;

/// <summary>
/// Refuses a request whose first message is larger than <see cref="GatewayLimitsOptions.MaxMessageBytes"/> as
/// RESOURCE_EXHAUSTED (the gRPC status for a message over a size limit), naming the limit, before any of it goes to a
/// silo: the length in the message's 5-byte header is read, nothing more. Every call the contract has takes one request
/// message; the silos check everything else about it (and every message of a stream) against the same limit.
/// </summary>
public sealed class MessageSizeLimitMiddleware(RequestDelegate next, IOptions<GatewayLimitsOptions> options, ILogger<MessageSizeLimitMiddleware> logger)
{
    private const int HeaderLength = 5;

    private readonly int _limit = options.Value.MaxMessageBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(LiftedBodySizeLimit.Instance);
        uint? length;
        try
        {
            length = await DeclaredLengthAsync(context);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The caller reset its stream or went away: nobody is left to answer.
            return;
        }

        if (length > _limit)
        {
            logger.LogDebug("{Path} refused: a {Length}-byte message is over the limit", context.Request.Path.Value, length);
            await GrpcTrailersOnlyResponse.WriteAsync(context, GrpcTrailersOnlyResponse.ResourceExhausted,
                $"the request message is {length} bytes, larger than the limit of {_limit} bytes");
            return;
        }

        await next(context);
    }

    /// <summary>The first message's length as its header declares it; null when the body ends before a header.</summary>
    private static async Task<uint?> DeclaredLengthAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        var body = context.Request.BodyReader;
        var read = await body.ReadAtLeastAsync(HeaderLength, context.RequestAborted);
        var buffer = read.Buffer;
        uint? length = null;
        if (buffer.Length >= HeaderLength)
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            buffer.Slice(0, HeaderLength).CopyTo(header);
            length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        }

        // Nothing consumed or examined: the forwarder reads the same bytes, without waiting for more.
        body.AdvanceTo(buffer.Start);
        return length;
    }
}
