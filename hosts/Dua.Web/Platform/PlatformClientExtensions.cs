using Dua.Web.Hosting;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Dua.Web.Platform;

public static class PlatformClientExtensions
{
    /// <summary>One channel to the gateway for the whole app; each call carries its person's token.</summary>
    public static WebApplicationBuilder AddPlatformClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
            return GrpcChannel.ForAddress(web.GetGatewayUri(), new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    EnableMultipleHttp2Connections = true,
                    // Live streams stay open for as long as a page is watched: keep the connection checked.
                    KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                    KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                },
                DisposeHttpClient = true,
            });
        });
        builder.Services.AddScoped<AccessTokenSource>();
        builder.Services.AddScoped<PlatformClient>();
        builder.Services.AddSingleton<PlaceNames>();
        return builder;
    }
}
