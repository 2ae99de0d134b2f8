using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace Dua.Gateway.Caching;

/// <summary>
/// Stands in for the response body of a call that goes to a silo: everything written passes straight on to the caller
/// and is also kept, so that a complete, successful answer can be stored afterwards. The caller sees no difference
/// (no buffering, the same flushes), except the <c>dua-cache: miss</c> header.
/// </summary>
internal sealed class ResponseRecorder : IHttpResponseBodyFeature, IDisposable
{
    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly int _maxBodyBytes;
    private readonly Action<ResponseRecorder> _beforeEnd;
    private readonly ArrayBufferWriter<byte> _body = new(256);
    private KeyValuePair<string, StringValues>[]? _headers;
    private bool _incomplete;
    private Stream? _stream;
    private PipeWriter? _writer;

    private ResponseRecorder(HttpContext context, IHttpResponseBodyFeature inner, int maxBodyBytes, Action<ResponseRecorder> beforeEnd)
    {
        _context = context;
        _inner = inner;
        _maxBodyBytes = maxBodyBytes;
        _beforeEnd = beforeEnd;
    }

    /// <summary>
    /// Puts a recorder in front of the call's response body until <see cref="Dispose"/>. <paramref name="beforeEnd"/>
    /// runs when the forwarder completes the response, just before the caller is sent its end.
    /// </summary>
    public static ResponseRecorder Install(HttpContext context, int maxBodyBytes, Action<ResponseRecorder> beforeEnd)
    {
        var recorder = new ResponseRecorder(context, context.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), maxBodyBytes, beforeEnd);
        context.Features.Set<IHttpResponseBodyFeature>(recorder);
        return recorder;
    }

    public Stream Stream => _stream ??= new RecordingStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        OnStarting();
        return _inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        // Not how a gRPC answer is written; pass it on, but never store it.
        OnStarting();
        _incomplete = true;
        return _inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public async Task CompleteAsync()
    {
        OnStarting();
        if (_writer is not null)
        {
            await _writer.CompleteAsync();
        }

        // The trailers are final here. Acting before the end goes out means a caller who has had the whole answer
        // never finds its question still in flight.
        _beforeEnd(this);
        await _inner.CompleteAsync();
    }

    /// <summary>
    /// The answer as the caller got it, if it may be stored: forwarded without error, status 200, a gRPC message that
    /// is neither compressed nor too large, and <c>grpc-status: 0</c> in the trailers. Read after the call has ended.
    /// </summary>
    public CachedGrpcResponse? TryGetStorableAnswer()
    {
        var response = _context.Response;
        if (_incomplete || _headers is null || _context.RequestAborted.IsCancellationRequested
            || _context.Features.Get<IForwarderErrorFeature>() is not null
            || response.StatusCode != StatusCodes.Status200OK
            || response.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true
            || response.Headers.ContainsKey("grpc-status")
            || !(StringValues.IsNullOrEmpty(response.Headers["grpc-encoding"]) || response.Headers["grpc-encoding"] == "identity"))
        {
            return null;
        }

        var trailers = _context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null || trailers["grpc-status"] != "0")
        {
            return null;
        }

        return new CachedGrpcResponse(_headers, _body.WrittenSpan.ToArray(), [.. trailers]);
    }

    /// <summary>Gives the call its own response body back.</summary>
    public void Dispose() => _context.Features.Set(_inner);

    // The headers are final once the response starts: keep them as the caller gets them, then mark the answer a miss.
    private void OnStarting()
    {
        if (_headers is not null)
        {
            return;
        }

        var headers = _context.Response.Headers;
        _headers = [.. headers.Where(header => !string.Equals(header.Key, ResponseCacheHeader.Name, StringComparison.OrdinalIgnoreCase))];
        headers[ResponseCacheHeader.Name] = ResponseCacheHeader.Miss;
    }

    private void Record(ReadOnlySpan<byte> data)
    {
        if (_incomplete)
        {
            return;
        }

        if (_body.WrittenCount + data.Length > _maxBodyBytes)
        {
            _incomplete = true;
            return;
        }

        _body.Write(data);
    }

    /// <summary>The response body stream the forwarder writes to: records, then writes through.</summary>
    private sealed class RecordingStream(ResponseRecorder recorder) : Stream
    {
        private Stream Inner => recorder._inner.Stream;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            recorder.OnStarting();
            recorder.Record(buffer.Span);
            return Inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            recorder.OnStarting();
            recorder.Record(buffer.AsSpan(offset, count));
            Inner.Write(buffer, offset, count);
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            recorder.OnStarting();
            return Inner.FlushAsync(cancellationToken);
        }

        public override void Flush()
        {
            recorder.OnStarting();
            Inner.Flush();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
