using System.Net;
using Dua.ServiceDefaults;
using Dua.Silo.Hosting;
using Dua.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Tests;

public sealed class SiloHostOptionsTests
{
    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_at_start_up()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Read());
        Assert.Contains(e.Failures, f => f.Contains("ConnectionStrings:Dua"));
    }

    [Fact]
    public void Settings_come_from_configuration_and_environment_style_keys()
    {
        var options = Read(("Silo:GrpcPort", "6101"), ("ConnectionStrings:Dua", "Host=127.0.0.1"), ("Silo:ClusterId", "test"));

        Assert.Equal(6101, options.GrpcPort);
        Assert.Equal("test", options.ClusterId);
        Assert.Equal("Host=127.0.0.1", options.ConnectionString);
        Assert.Equal("http://127.0.0.1:6101", options.GrpcEndpoint);
    }

    [Theory]
    [InlineData("Silo:GrpcPort", "0")]
    [InlineData("Silo:GrpcPort", "5201")]
    [InlineData("Silo:ListenAddress", "localhost:80")]
    [InlineData("Silo:ClusterId", "a b")]
    public void Bad_values_are_refused(string key, string value)
    {
        Assert.Throws<OptionsValidationException>(() => Read(("Silo:Clustering", "Localhost"), ("Silo:Storage", "Memory"), (key, value)));
    }

    [Fact]
    public void The_Orleans_client_port_is_still_read_under_its_old_name()
    {
        var options = Read(("Silo:Clustering", "Localhost"), ("Silo:Storage", "Memory"), ("Silo:GatewayPort", "30001"));

        Assert.Equal(30001, options.OrleansClientPort);
    }

    [Fact]
    public void The_new_name_of_the_Orleans_client_port_wins_over_the_old()
    {
        var options = Read(("Silo:Clustering", "Localhost"), ("Silo:Storage", "Memory"), ("Silo:GatewayPort", "30001"), ("Silo:OrleansClientPort", "30002"));

        Assert.Equal(30002, options.OrleansClientPort);
    }

    [Fact]
    public void Every_port_the_silo_listens_on_is_checked_by_its_setting()
    {
        var options = Read(("Silo:Clustering", "Localhost"), ("Silo:Storage", "Memory"));

        Assert.Equal(
            [("Silo:SiloPort", 11111), ("Silo:OrleansClientPort", 30000), ("Silo:GrpcPort", 5101), ("Silo:HttpPort", 5201)],
            options.RequiredPorts().Select(port => (port.Setting, port.Port)));
    }

    [Fact]
    public void A_taken_port_is_reported_by_name()
    {
        using var occupied = new OccupiedPort();
        var port = occupied.Port;

        var e = Assert.Throws<PortInUseException>(() => PortGuard.EnsureFree(new RequiredPort("Silo:GrpcPort", IPAddress.Loopback, port)));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("GrpcPort", e.Message);
    }

    private static SiloHostOptions Read(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder.AddSiloHostOptions();
    }
}
