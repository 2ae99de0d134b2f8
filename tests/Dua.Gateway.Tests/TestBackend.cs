using System.Collections.Concurrent;
using System.Net;
using Dua.Gateway.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dua.Gateway.Tests;

/// <summary>
/// A stand-in silo: an h2c gRPC server on a loopback port serving grpc.health.v1 and <c>/healthz</c>, which tags
/// every response with its name so a test can tell which backend answered.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    public const string NameHeader = "x-backend";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _grpcPaths;

    private TestBackend(string name, WebApplication app, ConcurrentQueue<string> grpcPaths, Uri address)
    {
        Name = name;
        _app = app;
        _grpcPaths = grpcPaths;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Paths of the gRPC calls that reached this backend (health probes excluded).</summary>
    public IReadOnlyCollection<string> GrpcPaths => _grpcPaths;

    public SiloEndpoint Endpoint => new("127.0.0.1", Address.Port, Generation: 1, Address);

    /// <param name="tls">Serve TLS with this certificate instead of h2c.</param>
    public static async Task<TestBackend> StartAsync(string name, Dua.Testing.CertificateFiles? tls = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (tls is not null)
                {
                    listen.UseHttps(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath));
                }
            }));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();

        var app = builder.Build();
        var grpcPaths = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            context.Response.Headers[NameHeader] = name;
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
            {
                grpcPaths.Enqueue(context.Request.Path.Value ?? "");
            }

            return next(context);
        });
        app.MapGrpcHealthChecksService();
        app.MapGet("/healthz", () => "ok");
        await app.StartAsync();

        return new TestBackend(name, app, grpcPaths, new Uri(app.Urls.Single()));
    }

    /// <summary>Stops serving: new connections to the port are refused, like a killed silo.</summary>
    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
