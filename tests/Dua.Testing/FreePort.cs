using System.Net;
using System.Net.Sockets;

namespace Dua.Testing;

/// <summary>Free TCP ports on 127.0.0.1, for servers that tests start.</summary>
public static class FreePort
{
    // The OS may hand out a just-released port again; a test that asks for four ports at once needs four.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port the OS considers free right now and that this process has not handed out before. Another process
    /// may still take it before the caller binds it, so callers that can detect that should retry with a new one.
    /// </summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
