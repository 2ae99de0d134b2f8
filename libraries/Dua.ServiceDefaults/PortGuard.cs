using System.Net;
using System.Net.Sockets;

namespace Dua.ServiceDefaults;

/// <summary>
/// Checks up front that the ports a host needs are free, so a clash gives one clear message naming the setting
/// instead of a half-started host whose Orleans or Kestrel start-up fails somewhere inside.
/// </summary>
public static class PortGuard
{
    public static void EnsureFree(params IEnumerable<RequiredPort> ports)
    {
        if (FirstTaken(ports) is { } taken)
        {
            throw new PortInUseException(taken.Port, taken.Error);
        }
    }

    /// <summary>The first of <paramref name="ports"/> another process holds, with the error binding it gave; null when all are free.</summary>
    public static (RequiredPort Port, SocketException Error)? FirstTaken(IEnumerable<RequiredPort> ports)
    {
        foreach (var port in ports)
        {
            using var probe = new Socket(port.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(port.Address, port.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return (port, e);
            }
        }

        return null;
    }
}
