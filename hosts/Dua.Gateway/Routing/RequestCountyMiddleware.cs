using System.Buffers;

namespace Dua.Gateway.Routing;

/// <summary>
/// Reads the county of a dua.v1 call (<see cref="RequestCounty"/>) before the load balancer picks a silo, so that
/// <see cref="CountyOwnerPolicy"/> can send it where the county's grains live. The body is examined, not consumed:
/// the forwarder sends the same bytes. Only the first message is awaited, so a streaming call never waits on it.
/// </summary>
public sealed class RequestCountyMiddleware(RequestDelegate next)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the county read.</summary>
    public const string ItemKey = "dua.county";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.StartsWith("/dua.v1.", StringComparison.Ordinal) == true
            && await PeekAsync(context) is { } county)
        {
            context.Items[ItemKey] = county;
        }

        await next(context);
    }

    private static async Task<string?> PeekAsync(HttpContext context)
    {
        var body = context.Request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            var frame = RequestCounty.FrameLength(buffer);
            if (frame is { } length && buffer.Length >= length)
            {
                var county = Of(buffer.Slice(0, length));
                body.AdvanceTo(buffer.Start);
                return county;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                body.AdvanceTo(buffer.Start);
                return null;
            }

            // Examined but not consumed: wait for more of the first message.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string? Of(ReadOnlySequence<byte> frame)
    {
        Span<byte> copy = stackalloc byte[(int)frame.Length];
        frame.CopyTo(copy);
        return RequestCounty.Of(copy);
    }
}
