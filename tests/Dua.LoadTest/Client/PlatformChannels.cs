using System.Net;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.LoadTest.Client;

/// <summary>
/// A few gRPC channels to the target, each with its own HTTP/2 connection pool. One connection carries at most
/// the server's stream limit (100 here) and is served by one connection loop on each side, so a load generator
/// that keeps many calls in flight spreads them over several connections. With a token, every call carries it as
/// <c>authorization: Bearer ...</c>, as the gateway requires.
/// </summary>
public sealed class PlatformChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public PlatformChannels(Uri target, int connections, string? token = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        var credentials = token is null ? null : ChannelCredentials.Create(ChannelCredentials.Insecure, Bearer(token));
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

    private static CallCredentials Bearer(string token)
    {
        // One metadata entry, built once: the interceptor runs on every call of a load generator.
        var header = new Metadata.Entry("authorization", $"Bearer {token}");
        return CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add(header);
            return Task.CompletedTask;
        });
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
