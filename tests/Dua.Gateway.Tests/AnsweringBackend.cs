using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Dua.Gateway.Discovery;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Dua.Gateway.Tests;

/// <summary>
/// A stand-in silo that answers every unary gRPC call (any <c>/service/method</c> path) over h2c with a fresh
/// message: a <c>google.protobuf.StringValue</c> naming the backend, the call's number and the request bytes. So
/// a test can tell which call produced an answer. Calls can be held at a gate or answered with an error status.
/// </summary>
internal sealed class AnsweringBackend : IAsyncDisposable
{
    /// <summary>A header and a trailer the backend adds, so tests can check both reach the caller unchanged.</summary>
    public const string AnswerHeader = "x-answer";

    public const string AnswerTrailer = "x-answer-trailer";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _calls = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _headers = new();
    private int _callCount;

    private AnsweringBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri Address => new(_app.Urls.Single());

    public SiloEndpoint Endpoint => new("127.0.0.1", Address.Port, Generation: 1, Address);

    /// <summary>The gRPC calls that reached this backend, in arrival order.</summary>
    public IReadOnlyCollection<(string Path, byte[] Body)> Calls => _calls;

    /// <summary>The request headers of the calls that reached this backend (names in lower case), in arrival order.</summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> Headers => _headers;

    /// <summary>The gRPC status calls arriving from now on answer with (0 = OK, with a message).</summary>
    public int Status { get; set; }

    /// <summary>While set and not completed, calls wait here before they answer.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>
    /// Padding of this many bytes on every answer from now on: past the gateway's header limit, the answer cannot be
    /// read. On an error status the answer is trailers-only (its status in the headers), as a gRPC server sends one.
    /// </summary>
    public int PaddingBytes { get; set; }

    /// <summary>When set, calls from now on are answered by resetting their stream with this HTTP/2 error code.</summary>
    public int? ResetWith { get; set; }

    /// <summary>
    /// When set, calls from now on get this bare HTTP status, no gRPC status: as Kestrel answers 400 for a request
    /// whose body ended early when the application did not answer it.
    /// </summary>
    public int? HttpStatusWithoutGrpc { get; set; }

    public static async Task<AnsweringBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var backend = new AnsweringBackend(name, app);
        app.MapPost("/{service}/{method}", backend.AnswerAsync);
        app.MapGet("/healthz", () => "ok");
        await app.StartAsync();
        return backend;
    }

    /// <summary>Reads the text of an answer's message from a gRPC-framed body (5-byte prefix + StringValue).</summary>
    public static string MessageText(byte[] framedBody)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(framedBody.AsSpan(1, 4));
        return StringValue.Parser.ParseFrom(framedBody.AsSpan(5, length)).Value;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var request = new MemoryStream();
        await context.Request.Body.CopyToAsync(request);
        var path = context.Request.Path.Value!;
        _headers.Enqueue(context.Request.Headers.ToDictionary(
            header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal));
        _calls.Enqueue((path, request.ToArray()));
        var number = Interlocked.Increment(ref _callCount);
        // Decided on arrival: a call held at the gate answers as the backend stood when it came in.
        var status = Status;
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (ResetWith is { } errorCode)
        {
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResetFeature>()!.Reset(errorCode);
            return;
        }

        var response = context.Response;
        if (HttpStatusWithoutGrpc is { } httpStatus)
        {
            response.StatusCode = httpStatus;
            return;
        }

        response.ContentType = "application/grpc";
        if (PaddingBytes > 0 && status != 0)
        {
            response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["x-padding"] = new string('x', PaddingBytes);
            return;
        }

        response.Headers["dua-served-by"] = Name;
        response.Headers[AnswerHeader] = $"{Name}-{number}";
        if (status == 0)
        {
            var message = new StringValue { Value = $"{Name} call {number} to {path} for {Convert.ToHexString(request.ToArray())}" }.ToByteArray();
            var frame = new byte[5 + message.Length];
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), message.Length);
            message.CopyTo(frame, 5);
            await response.Body.WriteAsync(frame);
        }

        response.AppendTrailer("grpc-status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (status != 0)
        {
            response.AppendTrailer("grpc-message", $"failing on purpose ({Name})");
        }

        response.AppendTrailer(AnswerTrailer, $"{Name}-{number}");
        if (PaddingBytes > 0)
        {
            response.AppendTrailer("x-padding", new string('x', PaddingBytes));
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
