using System.Net;
using System.Net.Sockets;

namespace Dua.Gateway.Hosting;

/// <summary>
/// Checks up front that the gateway's port is free, so a clash gives one clear message instead of a Kestrel
/// bind failure deep inside host start-up.
/// </summary>
public static class PortGuard
{
    public static void EnsureFree(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PortInUseException(address, port, e);
        }
    }
}
