using System.Net;
using Dua.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.LoadTest.Client;

/// <summary>
/// A few gRPC channels to the target, each with its own HTTP/2 connection pool. One connection carries at most
/// the server's stream limit (100 here) and is served by one connection loop on each side, so a load generator
/// that keeps many calls in flight spreads them over several connections. With a token, every call carries it as
/// <c>authorization: Bearer ...</c>, as the gateway requires; with a silo credential, every call carries what the
/// gateway would send a silo (the credential and an agency caller for the whole country), to measure a silo alone.
/// </summary>
public sealed class PlatformChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;

    private static readonly Caller DirectCaller = new("dua-loadtest", "Dua load test", Roles.Agency, [CallerArea.Country]);

    public PlatformChannels(Uri target, int connections, BearerToken? token = null, string? siloCredential = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        var headers = new List<Metadata.Entry>();

        if (siloCredential is not null)
        {
            headers.AddRange(CallerHeaders.Of(DirectCaller).Select(h => new Metadata.Entry(h.Key, h.Value)));
            headers.Add(new Metadata.Entry(CallerHeaders.Credential, siloCredential));
        }

        var credentials = headers.Count == 0 && token is null ? null : ChannelCredentials.Create(ChannelCredentials.Insecure, WithHeaders(headers, token));
        _channels = new GrpcChannel[connections];
        for (var i = 0; i < connections; i++)
        {
            _channels[i] = GrpcChannel.ForAddress(target, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    // Past the stream limit, open another connection rather than queue.
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                    ConnectTimeout = TimeSpan.FromSeconds(5),
                    AutomaticDecompression = DecompressionMethods.None,
                    UseProxy = false,
                },
                // Summaries and participants with long histories can exceed the 4 MB default only in theory;
                // a load generator should report such a response, not fail on it.
                MaxReceiveMessageSize = 64 * 1024 * 1024,
                Credentials = credentials,
                // The platform serves h2c on loopback; the token still travels with each call.
                UnsafeUseInsecureChannelCallCredentials = credentials is not null,
            });
        }
    }

    public int Count => _channels.Length;

    /// <summary>The channel for worker <paramref name="worker"/>: workers are spread round-robin.</summary>
    public GrpcChannel For(int worker) => _channels[worker % _channels.Length];

    private static CallCredentials WithHeaders(IReadOnlyList<Metadata.Entry> headers, BearerToken? token) =>
        // The entries are built once (the token's when it is renewed): the interceptor runs on every call.
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (token is not null)
            {
                metadata.Add(token.Header);
            }

            foreach (var header in headers)
            {
                metadata.Add(header);
            }

            return Task.CompletedTask;
        });

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
