using System.Text;
using Xunit;

namespace Dua.Testing;

/// <summary>
/// tcpdump writing every packet on one interface to a file (installed by deploy/test.sh), for a test to search
/// what crossed the network in clear text.
/// </summary>
public sealed class PacketCapture : IDisposable
{
    private readonly ChildProcess _tcpdump;
    private readonly string _file;

    private PacketCapture(ChildProcess tcpdump, string file)
    {
        _tcpdump = tcpdump;
        _file = file;
    }

    public string File => _file;

    /// <summary>Starts capturing on <paramref name="networkInterface"/> and returns once tcpdump reports that it listens.</summary>
    public static async Task<PacketCapture> StartAsync(string networkInterface, string file, TimeSpan timeout)
    {
        var tcpdump = ChildProcess.Start("tcpdump", "tcpdump", ["-i", networkInterface, "-Z", "root", "-s", "0", "-U", "-n", "-w", file], Path.GetDirectoryName(file)!, new Dictionary<string, string>());
        var capture = new PacketCapture(tcpdump, file);
        await Eventually.HappensWithinAsync(timeout, "tcpdump listening", () =>
        {
            Assert.False(tcpdump.HasExited, tcpdump.Tail());
            return Task.FromResult(tcpdump.Output.Contains("listening on", StringComparison.Ordinal));
        });
        return capture;
    }

    /// <summary>Stops the capture (SIGINT flushes it) and returns what it holds.</summary>
    public async Task<byte[]> StopAsync()
    {
        if (!_tcpdump.HasExited)
        {
            NetworkNamespaces.Execute("kill", "-INT", _tcpdump.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await _tcpdump.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        return await System.IO.File.ReadAllBytesAsync(_file);
    }

    /// <summary>Which of <paramref name="secrets"/> appear in <paramref name="capture"/> as UTF-8 bytes.</summary>
    public static IReadOnlyList<string> Find(byte[] capture, IEnumerable<string> secrets) =>
        [.. secrets.Where(secret => capture.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0)];

    public void Dispose() => _tcpdump.Dispose();
}
