namespace Dua.Gateway.Limits;

/// <summary>
/// The request body, read through a count: reading past the limit fails, so no more than the limit is ever passed on.
/// Needed because YARP lifts Kestrel's own body size limit on every gRPC request (for long client streams).
/// </summary>
internal sealed class LimitedRequestBody(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>Whether the caller sent more than the limit.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            Exceeded = true;
            throw new RequestTooLargeException(limit);
        }

        return read;
    }
}

/// <summary>The caller sent a request body larger than <c>Gateway:Limits:MaxRequestBytes</c>.</summary>
internal sealed class RequestTooLargeException(long limit)
    : IOException($"the request is larger than the gateway's limit of {limit} bytes");
