using System.Net;
using System.Net.Sockets;
using Dua.Testing;

namespace Dua.ServiceDefaults.Tests;

public sealed class PortGuardTests
{
    [Fact]
    public void A_taken_port_is_reported_with_its_setting_and_environment_variable()
    {
        using var occupied = new OccupiedPort();
        var taken = occupied.Port;

        var e = Assert.Throws<PortInUseException>(() => PortGuard.EnsureFree(
            new RequiredPort("Example:FreePort", IPAddress.Loopback, FreePort.Next()),
            new RequiredPort("Example:TakenPort", IPAddress.Loopback, taken)));

        Assert.Equal("Example:TakenPort", e.Port.Setting);
        Assert.Equal(
            $"Example:TakenPort 127.0.0.1:{taken} is already in use by another process. Stop it, or choose another port (Example__TakenPort=...).",
            e.Message);
    }

    [Fact]
    public void Free_ports_pass_and_stay_free()
    {
        var port = FreePort.Next();

        PortGuard.EnsureFree(new RequiredPort("Example:Port", IPAddress.Loopback, port));

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }
}
