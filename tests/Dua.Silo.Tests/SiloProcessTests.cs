using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dua.ServiceDefaults;
using Dua.Testing;

namespace Dua.Silo.Tests;

/// <summary>The silo process as shipped, configured by environment variables: start-up failures and renamed settings.</summary>
public sealed class SiloProcessTests
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);

    private static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "Dua.Silo.dll");

    [Fact]
    public async Task Invalid_settings_of_several_sections_stop_start_up_in_one_line_with_exit_code_2()
    {
        // Neither the pseudonym key nor the gateway credential: two options sections fail at once.
        using var silo = ChildProcess.StartDotnet("silo", SiloAssembly, InMemory(FreePorts()));

        var exitCode = await silo.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.InvalidConfiguration, $"exit code {exitCode}; output:\n{silo.Output}");
        var line = Assert.Single(silo.Output.Split('\n'), l => l.Contains("Invalid silo configuration", StringComparison.Ordinal));
        Assert.Contains("Participants__PseudonymKey", line, StringComparison.Ordinal);
        Assert.Contains("Silo__GatewayCredential", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_stops_start_up_naming_its_variable_with_exit_code_3()
    {
        using var occupied = new OccupiedPort();
        var taken = occupied.Port;
        var settings = Valid(InMemory(FreePorts()));
        settings["Silo__GrpcPort"] = Text(taken);

        using var silo = ChildProcess.StartDotnet("silo", SiloAssembly, settings);
        var exitCode = await silo.WaitForExitAsync(ProcessDeadline);

        Assert.True(exitCode == ExitCodes.PortInUse, $"exit code {exitCode}; output:\n{silo.Output}");
        Assert.Contains($"127.0.0.1:{taken} is already in use", silo.Output, StringComparison.Ordinal);
        Assert.Contains("Silo__GrpcPort", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_configured_with_the_old_Silo__GatewayPort_listens_there_for_Orleans_clients_and_warns()
    {
        var ports = FreePorts();
        var settings = Valid(InMemory(ports));
        settings.Remove("Silo__OrleansClientPort");
        settings["Silo__GatewayPort"] = Text(ports.OrleansClient);

        using var silo = ChildProcess.StartDotnet("silo", SiloAssembly, settings);

        await Eventually.HappensWithinAsync(ProcessDeadline, $"the silo listening for Orleans clients on {ports.OrleansClient}", async () =>
        {
            Assert.False(silo.HasExited, silo.Tail());
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, ports.OrleansClient);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });
        Assert.Contains("Silo:GatewayPort (Silo__GatewayPort) is now called Silo:OrleansClientPort (Silo__OrleansClientPort)", silo.Output, StringComparison.Ordinal);
    }

    private sealed record Ports(int Silo, int OrleansClient, int Grpc, int Http);

    private static Ports FreePorts() => new(FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    // A single silo without a database, as README's quick look runs it.
    private static Dictionary<string, string> InMemory(Ports ports) => new()
    {
        ["Silo__Clustering"] = "Localhost",
        ["Silo__Storage"] = "Memory",
        ["Silo__SiloPort"] = Text(ports.Silo),
        ["Silo__OrleansClientPort"] = Text(ports.OrleansClient),
        ["Silo__GrpcPort"] = Text(ports.Grpc),
        ["Silo__HttpPort"] = Text(ports.Http),
    };

    private static Dictionary<string, string> Valid(Dictionary<string, string> settings)
    {
        settings["Participants__PseudonymKey"] = InMemorySiloFactory.PseudonymKey;
        settings["Silo__GatewayCredential"] = InMemorySiloFactory.GatewayCredential;
        return settings;
    }
}
