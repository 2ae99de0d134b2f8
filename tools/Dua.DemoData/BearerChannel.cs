using Grpc.Core;
using Grpc.Net.Client;

namespace Dua.DemoData;

/// <summary>A channel to the gateway whose every call carries the caller's token (<c>authorization: Bearer ...</c>).</summary>
public static class BearerChannel
{
    public static GrpcChannel ForAddress(string address, string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, bearer),
            // The gateway listens on loopback without TLS (h2c); the token still has to travel with the call.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
    }
}
