using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Dua.Testing;

/// <summary>
/// Separate "hosts" on this machine: one Linux network namespace each, joined by veth pairs to a bridge in the root
/// namespace, on a /24 of 10.211.0.0/16 chosen per run. The root namespace (the test, as a client outside the hosts)
/// has .254 on the bridge. Names carry the test process's id (<c>duamh-PID-NAME</c>, links <c>mhPID…</c>), so a run
/// sweeps what dead runs left behind and removes its own on dispose, whatever happened. Needs root and iproute2.
/// </summary>
public sealed partial class NetworkNamespaces : IDisposable
{
    private const string NamespacePrefix = "duamh-";
    private const string LinkPrefix = "mh";

    private readonly int _pid = Environment.ProcessId;
    private readonly List<NamespaceHost> _hosts = [];
    private bool _disposed;

    private NetworkNamespaces()
    {
        Subnet = string.Create(CultureInfo.InvariantCulture, $"10.211.{20 + _pid % 230}");
        Bridge = $"{LinkPrefix}{_pid}b";
    }

    /// <summary>The first three octets of this run's /24 (<c>10.211.N</c>).</summary>
    public string Subnet { get; }

    public string Bridge { get; }

    /// <summary>The root namespace's address on the bridge: where the test's own calls come from.</summary>
    public IPAddress RootAddress => IPAddress.Parse($"{Subnet}.254");

    public IReadOnlyList<NamespaceHost> Hosts => _hosts;

    public static NetworkNamespaces Create()
    {
        SweepStale();
        var network = new NetworkNamespaces();
        try
        {
            network.Run("ip", "link", "add", network.Bridge, "type", "bridge");
            network.Run("ip", "addr", "add", $"{network.RootAddress}/24", "dev", network.Bridge);
            network.Run("ip", "link", "set", network.Bridge, "up");
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>A new host <c>duamh-PID-NAME</c> with address <c>Subnet.OCTET</c> on eth0 and loopback up.</summary>
    public NamespaceHost AddHost(string name, int octet)
    {
        var host = new NamespaceHost($"{NamespacePrefix}{_pid}-{name}", IPAddress.Parse($"{Subnet}.{octet}"), $"{LinkPrefix}{_pid}h{octet}", $"{LinkPrefix}{_pid}n{octet}");
        _hosts.Add(host);
        Run("ip", "netns", "add", host.Namespace);
        Run("ip", "link", "add", host.RootLink, "type", "veth", "peer", "name", host.PeerLink);
        Run("ip", "link", "set", host.PeerLink, "netns", host.Namespace);
        Run("ip", "link", "set", host.RootLink, "master", Bridge);
        Run("ip", "link", "set", host.RootLink, "up");
        Run("ip", "-n", host.Namespace, "link", "set", host.PeerLink, "name", "eth0");
        Run("ip", "-n", host.Namespace, "addr", "add", $"{host.Address}/24", "dev", "eth0");
        Run("ip", "-n", host.Namespace, "link", "set", "eth0", "up");
        Run("ip", "-n", host.Namespace, "link", "set", "lo", "up");
        return host;
    }

    /// <summary>Cuts the host off the network (its link to the bridge goes down); its processes keep running.</summary>
    public void Disconnect(NamespaceHost host) => Run("ip", "link", "set", host.RootLink, "down");

    public void Reconnect(NamespaceHost host) => Run("ip", "link", "set", host.RootLink, "up");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var host in _hosts)
        {
            TryRun("ip", "netns", "pids", host.Namespace);
            TryRun("ip", "link", "del", host.RootLink);
            TryRun("ip", "netns", "del", host.Namespace);
        }

        TryRun("ip", "link", "del", Bridge);
    }

    /// <summary>Removes namespaces and links of runs whose process is gone.</summary>
    public static void SweepStale()
    {
        foreach (var name in Output("ip", "netns", "list").Split('\n'))
        {
            var match = StaleNamespace().Match(name);
            if (match.Success && !IsAlive(match.Groups[1].Value))
            {
                TryRun("ip", "netns", "del", match.Groups[0].Value);
            }
        }

        foreach (var line in Output("ip", "-o", "link", "show").Split('\n'))
        {
            var match = StaleLink().Match(line);
            if (match.Success && !IsAlive(match.Groups[2].Value))
            {
                TryRun("ip", "link", "del", match.Groups[1].Value);
            }
        }
    }

    private static bool IsAlive(string pid) => Directory.Exists($"/proc/{pid}");

    private void Run(params string[] arguments)
    {
        var (exitCode, output) = Execute(arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} exited with {exitCode}: {output}");
        }
    }

    private static void TryRun(params string[] arguments) => Execute(arguments);

    private static string Output(params string[] arguments) => Execute(arguments).Output;

    /// <summary>Runs a command to its end; its exit code and its standard output and error together.</summary>
    public static (int ExitCode, string Output) Execute(params string[] arguments)
    {
        var start = new ProcessStartInfo(arguments[0], arguments.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [GeneratedRegex(@"^duamh-(\d+)-[A-Za-z0-9]+")]
    private static partial Regex StaleNamespace();

    [GeneratedRegex(@"^\d+:\s+(mh(\d+)[bhn]\d*)[@:]")]
    private static partial Regex StaleLink();
}

/// <summary>One host: its namespace, its address, and the two ends of its link (the root end is cut to partition it).</summary>
public sealed record NamespaceHost(string Namespace, IPAddress Address, string RootLink, string PeerLink);
