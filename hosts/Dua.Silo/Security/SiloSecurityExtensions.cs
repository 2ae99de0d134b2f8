using Dua.ServiceDefaults;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Security;

public static class SiloSecurityExtensions
{
    /// <summary>
    /// The gateway credential and message limit, validated at start-up, and the limit applied to gRPC; the areas
    /// access checks read.
    /// </summary>
    public static void AddSiloSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AgreementAreas>();
        builder.AddValidatedOptions<SiloSecurityOptions>(SiloSecurityOptions.SectionName);
        builder.Services.AddOptions<GrpcServiceOptions>()
            .Configure<IOptions<SiloSecurityOptions>>((grpc, security) =>
            {
                // Read while the endpoints are mapped; invalid settings are reported by start-up validation.
                if (security.TryGetValid(out var valid))
                {
                    grpc.MaxReceiveMessageSize = valid.MaxReceiveMessageBytes;
                }
            });
    }
}
