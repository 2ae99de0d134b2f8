using System.Net;
using System.Net.Sockets;

namespace Dua.Silo.Hosting;

/// <summary>
/// Checks up front that the ports a silo needs are free, so a clash gives one clear message instead of a
/// half-started silo whose Orleans or Kestrel start-up fails somewhere inside.
/// </summary>
public static class PortGuard
{
    public static void EnsureFree(SiloHostOptions options) =>
        EnsureFree(options.ListenIPAddress(),
            (nameof(options.SiloPort), options.SiloPort),
            (nameof(options.GatewayPort), options.GatewayPort),
            (nameof(options.GrpcPort), options.GrpcPort),
            (nameof(options.HttpPort), options.HttpPort));

    public static void EnsureFree(IPAddress address, params (string Name, int Port)[] ports)
    {
        foreach (var (name, port) in ports)
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new PortInUseException(name, address, port);
            }
        }
    }
}
