using System.Collections.Concurrent;
using System.Net;
using Dua.Testing;

namespace Dua.EndToEnd.Tests.Otlp;

/// <summary>
/// Stands in for an OpenTelemetry collector: accepts OTLP/HTTP protobuf trace exports on a loopback port and keeps
/// every span, with the service that sent it and its instrumentation scope.
/// </summary>
public sealed class OtlpTraceReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly Task _serving;

    public OtlpTraceReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The settings that send a process's telemetry here (OTLP over HTTP, exported within half a second).</summary>
    public IReadOnlyDictionary<string, string> ExporterEnvironment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Port}",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
    };

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans.ToArray();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                var request = ExportTraceServiceRequest.Parser.ParseFrom(context.Request.InputStream);
                foreach (var resource in request.ResourceSpans)
                {
                    var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
                    foreach (var scope in resource.ScopeSpans)
                    {
                        foreach (var span in scope.Spans)
                        {
                            _spans.Enqueue(new ReceivedSpan(service, scope.Scope?.Name ?? "", span));
                        }
                    }
                }
            }

            // Logs and metrics are accepted and dropped; an empty protobuf body is a valid answer to each.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed record ReceivedSpan(string Service, string Scope, Span Span)
{
    public string TraceId => Convert.ToHexString(Span.TraceId.Span);

    public string SpanId => Convert.ToHexString(Span.SpanId.Span);

    public string ParentSpanId => Convert.ToHexString(Span.ParentSpanId.Span);

    public override string ToString() => $"{Service} [{Scope}] {Span.Name} {SpanId} <- {ParentSpanId}";
}
