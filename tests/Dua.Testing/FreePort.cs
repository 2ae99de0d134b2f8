using System.Net;
using System.Net.Sockets;

namespace Dua.Testing;

/// <summary>Free TCP ports on 127.0.0.1, for servers that tests start.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the OS considers free right now. Another process may still take it before
    /// the caller binds it, so callers that can detect that should retry with a new one.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
