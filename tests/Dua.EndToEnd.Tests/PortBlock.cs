using System.Net;
using System.Net.Sockets;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Consecutive free loopback ports, for deploy/run.sh's base+index port scheme. Taken below the OS's ephemeral
/// range (32768 and up on Linux), so outgoing connections do not grab them while the test runs.
/// </summary>
internal static class PortBlock
{
    private const int Lowest = 20000;
    private const int Highest = 32000;

    /// <summary>The first of <paramref name="count"/> consecutive ports that nothing listens on right now.</summary>
    public static int Find(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(Lowest, Highest - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports between {Lowest} and {Highest}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether a server accepts connections on the port.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
