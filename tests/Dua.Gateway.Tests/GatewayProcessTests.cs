using System.Globalization;
using Dua.ServiceDefaults;
using Dua.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Dua.Gateway.Tests;

/// <summary>The gateway process as shipped: environment-variable configuration, static mode, start-up failures.</summary>
public sealed class GatewayProcessTests
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(30);

    private static string GatewayAssembly => Path.Combine(AppContext.BaseDirectory, "Dua.Gateway.dll");

    [Fact]
    public async Task In_static_mode_configured_by_environment_variables_calls_reach_the_listed_silo()
    {
        await using var silo = await TestBackend.StartAsync("static");
        var port = FreePort.Next();
        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Gateway__Directory"] = "Static",
            ["Gateway__StaticSilos__0"] = silo.Address.AbsoluteUri,
            ["Gateway__Authentication__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
        });
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new Health.HealthClient(channel);

        await Eventually.HappensWithinAsync(ProcessDeadline, "a call through the gateway process reaches the static silo", async () =>
        {
            try
            {
                using var call = client.CheckAsync(new HealthCheckRequest());
                await call.ResponseAsync;
                return (await call.ResponseHeadersAsync).GetValue(TestBackend.NameHeader) == "static";
            }
            catch (RpcException)
            {
                return false; // not listening yet, or not yet routed
            }
        });
    }

    [Fact]
    public async Task With_a_key_file_from_the_environment_tokens_are_checked()
    {
        await using var silo = await AnsweringBackend.StartAsync("static");
        var keyFile = Path.Combine(Path.GetTempPath(), $"dua-gateway-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, TestTokens.PublicKeyPem);
        try
        {
            var port = FreePort.Next();
            using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
            {
                ["Gateway__GrpcPort"] = port.ToString(CultureInfo.InvariantCulture),
                ["Gateway__Directory"] = "Static",
                ["Gateway__StaticSilos__0"] = silo.Address.AbsoluteUri,
                ["Gateway__Authentication__SigningKeyFiles__0"] = keyFile,
                ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
            });
            var address = new Uri($"http://127.0.0.1:{port}");
            using var http = GatewayFactory.CreateH2cClient();
            const string path = "/dua.v1.RegionService/GetRegion";

            await Eventually.HappensWithinAsync(ProcessDeadline, "a call with a token reaches the silo through the gateway process", async () =>
            {
                try
                {
                    return (await RawGrpcCall.SendAsync(http, address, path, TestTokens.For(TestTokens.Operations))).GrpcStatus == "0";
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            });
            var anonymous = await RawGrpcCall.SendAsync(http, address, path, token: null);

            Assert.Equal("16", anonymous.GrpcStatus);
            Assert.Equal(TestTokens.SiloCredential, silo.Headers.Last()[Dua.Security.CallerHeaders.Credential]);
            Assert.All(silo.Headers, headers => Assert.Equal(Dua.Security.Roles.Operations, headers[Dua.Security.CallerHeaders.Role]));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_taken_port_stops_start_up_with_a_clear_message_and_exit_code_3()
    {
        using var occupied = new OccupiedPort();
        var port = occupied.Port;

        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Gateway__Directory"] = "Static",
            ["Gateway__StaticSilos__0"] = "http://127.0.0.1:1",
            ["Gateway__Authentication__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
        });

        var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.PortInUse, $"exit code {exitCode}; output:\n{gateway.Output}");
        Assert.Contains($"127.0.0.1:{port} is already in use", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("Gateway__GrpcPort", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_stops_start_up_with_the_failures_and_exit_code_2()
    {
        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway__ListenAddress"] = "nowhere",
        });

        var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{gateway.Output}");
        Assert.Contains("'nowhere' is not an IP address", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Dua", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_response_cache_setting_stops_start_up_with_the_failure_and_exit_code_2()
    {
        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway__Directory"] = "Static",
            ["Gateway__StaticSilos__0"] = "http://127.0.0.1:1",
            ["Gateway__ResponseCache__TimeToLive"] = "00:00:05",
            ["Gateway__Authentication__SigningKeys__0"] = TestTokens.PublicKeyPem,
            ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
        });

        var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{gateway.Output}");
        Assert.Contains("TimeToLive", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keys_and_credential_start_up_stops_with_one_line_naming_the_variables()
    {
        // The repository's appsettings.json holds neither: an operator must provide both.
        using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
        {
            ["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway__Directory"] = "Static",
            ["Gateway__StaticSilos__0"] = "http://127.0.0.1:1",
        });

        var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{gateway.Output}");
        var line = Assert.Single(gateway.Output.Split('\n'), l => l.Contains("Invalid gateway configuration", StringComparison.Ordinal));
        Assert.Contains("Gateway__Authentication__SigningKeyFiles__0", line, StringComparison.Ordinal);
        Assert.Contains("Gateway__SiloCredential", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_file_that_is_not_a_key_stops_start_up_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dua-gateway-not-a-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, "not a key");
        try
        {
            using var gateway = ChildProcess.StartDotnet("gateway", GatewayAssembly, new Dictionary<string, string>
            {
                ["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Gateway__Directory"] = "Static",
                ["Gateway__StaticSilos__0"] = "http://127.0.0.1:1",
                ["Gateway__Authentication__SigningKeyFiles__0"] = path,
                ["Gateway__SiloCredential"] = TestTokens.SiloCredential,
            });

            var exitCode = await gateway.WaitForExitAsync(ProcessDeadline);

            Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{gateway.Output}");
            Assert.Contains(path, gateway.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
