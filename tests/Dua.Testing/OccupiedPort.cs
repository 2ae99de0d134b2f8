using System.Net;
using System.Net.Sockets;

namespace Dua.Testing;

/// <summary>A loopback port held by the test until disposed: another process's, as far as the host under test knows.</summary>
public sealed class OccupiedPort : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public OccupiedPort()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Dispose() => _listener.Dispose();
}
