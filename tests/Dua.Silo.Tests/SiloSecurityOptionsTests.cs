using Dua.Silo.Security;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Tests;

public sealed class SiloSecurityOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("only-31-characters-long-0123456")]
    public void A_missing_or_short_gateway_credential_is_refused_naming_its_variable(string? credential)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Read(("Silo:GatewayCredential", credential)).Security);
        Assert.Contains(e.Failures, f => f.Contains("Silo__GatewayCredential", StringComparison.Ordinal));
    }

    [Fact]
    public void The_message_limit_defaults_to_256_KiB_and_applies_to_grpc()
    {
        var (security, grpc) = Read(("Silo:GatewayCredential", InMemorySiloFactory.GatewayCredential));
        Assert.Equal(262_144, security.MaxReceiveMessageBytes);
        Assert.Equal(262_144, grpc.MaxReceiveMessageSize);

        var (_, configured) = Read(("Silo:GatewayCredential", InMemorySiloFactory.GatewayCredential), ("Silo:MaxReceiveMessageBytes", "65536"));
        Assert.Equal(65_536, configured.MaxReceiveMessageSize);
    }

    private static (SiloSecurityOptions Security, GrpcServiceOptions Grpc) Read(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        builder.AddSiloSecurity();
        var services = builder.Services.BuildServiceProvider();
        return (services.GetRequiredService<IOptions<SiloSecurityOptions>>().Value, services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value);
    }
}
