using System.ComponentModel.DataAnnotations;
using Dua.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Tests;

public sealed class GatewayOptionsTests
{
    [Fact]
    public void Defaults_are_loopback_port_5000_cluster_dua_PostgreSql_every_2_s()
    {
        var options = new GatewayOptions();

        Assert.Equal("127.0.0.1", options.ListenAddress);
        Assert.Equal(5000, options.GrpcPort);
        Assert.Equal("dua", options.ClusterId);
        Assert.Equal(SiloDirectoryMode.PostgreSql, options.Directory);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
    }

    [Fact]
    public void Defaults_with_a_connection_string_are_valid()
    {
        Assert.Empty(Validate(new GatewayOptions { ConnectionString = "Host=localhost", SiloCredential = TestTokens.SiloCredential }));
    }

    [Theory]
    [InlineData("ConnectionStrings__Dua")]
    public void PostgreSql_mode_without_a_connection_string_names_the_setting(string expected)
    {
        Assert.Contains(Validate(new GatewayOptions()), message => message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Static_mode_needs_http_endpoints_on_loopback_or_https_ones_with_a_CA()
    {
        Assert.Contains(Validate(new GatewayOptions { Directory = SiloDirectoryMode.Static }), m => m.Contains("Gateway__StaticSilos__0", StringComparison.Ordinal));
        Assert.Contains(
            Validate(new GatewayOptions { Directory = SiloDirectoryMode.Static, StaticSilos = ["https://127.0.0.1:5101"] }),
            m => m.Contains("Gateway:Tls:CaPath", StringComparison.Ordinal));
        Assert.Contains(
            Validate(new GatewayOptions { Directory = SiloDirectoryMode.Static, StaticSilos = ["http://10.0.0.7:5101"] }),
            m => m.Contains("'http://10.0.0.7:5101' is plain http to another machine", StringComparison.Ordinal));
        Assert.Contains(
            Validate(new GatewayOptions { Directory = SiloDirectoryMode.Static, StaticSilos = ["ftp://127.0.0.1:5101"] }),
            m => m.Contains("ftp://127.0.0.1:5101", StringComparison.Ordinal));
        Assert.Empty(Validate(new GatewayOptions { Directory = SiloDirectoryMode.Static, StaticSilos = ["http://127.0.0.1:5101"], SiloCredential = TestTokens.SiloCredential }));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("not-an-ip")]
    public void The_listen_address_must_be_an_IP_address(string address)
    {
        Assert.Contains(
            Validate(new GatewayOptions { ListenAddress = address, ConnectionString = "Host=x" }),
            m => m.Contains("ListenAddress", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void The_port_must_be_a_TCP_port(int port)
    {
        Assert.NotEmpty(Validate(new GatewayOptions { GrpcPort = port, ConnectionString = "Host=x" }));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:05:00")]
    public void The_poll_interval_is_bounded(string interval)
    {
        Assert.NotEmpty(Validate(new GatewayOptions { PollInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture), ConnectionString = "Host=x" }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short-012345678901234567890")]
    [InlineData("                                        ")]
    public void The_silo_credential_is_required_and_at_least_32_characters(string? credential)
    {
        Assert.Contains(
            Validate(new GatewayOptions { ConnectionString = "Host=x", SiloCredential = credential }),
            m => m.Contains("Gateway__SiloCredential", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_binds_the_Gateway_section_and_ConnectionStrings_Dua()
    {
        var builder = Builder(new()
        {
            ["Gateway:GrpcPort"] = "6001",
            ["Gateway:Directory"] = "Static",
            ["Gateway:StaticSilos:0"] = "http://127.0.0.1:5101",
            ["Gateway:PollInterval"] = "00:00:05",
            ["Gateway:ClusterId"] = "demo",
            ["ConnectionStrings:Dua"] = "Host=db",
            ["Gateway:SiloCredential"] = TestTokens.SiloCredential,
        });
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;

        Assert.Equal(6001, options.GrpcPort);
        Assert.Equal(SiloDirectoryMode.Static, options.Directory);
        Assert.Equal(["http://127.0.0.1:5101"], options.StaticSilos);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
        Assert.Equal("demo", options.ClusterId);
        Assert.Equal("Host=db", options.ConnectionString);
    }

    [Fact]
    public void Invalid_configuration_fails_when_the_options_are_read()
    {
        var builder = Builder(new() { ["Gateway:ListenAddress"] = "nowhere" });
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GatewayOptions>>().Value);

        Assert.Contains(error.Failures, failure => failure.Contains("'nowhere' is not an IP address", StringComparison.Ordinal));
    }

    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGatewayOptions();
        return builder;
    }

    private static List<string> Validate(GatewayOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage ?? "")];
    }
}
