using System.Diagnostics;
using System.Text;

namespace Dua.Testing;

/// <summary>
/// A built platform program (silo, gateway, migrations) or a deploy/ script run as its own OS process with settings
/// passed only as environment variables, as an operator or deploy/run.sh runs it. Output is kept for failure messages.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    // Settings the platform reads; the machine's own values must not leak into a test's process.
    private static readonly string[] PlatformSettingPrefixes = ["Silo__", "Gateway__", "ConnectionStrings__", "Orleans__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "DUA_"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The last lines of output, for a failure message.</summary>
    public string Tail(int lines = 40) => $"--- {Name} ---\n{string.Join('\n', Output.Split('\n').TakeLast(lines))}";

    public static ChildProcess StartDotnet(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return Start(name, "dotnet", ["exec", assemblyPath], Path.GetDirectoryName(assemblyPath)!, settings);
    }

    /// <summary>As <see cref="StartDotnet"/>, inside the network namespace <paramref name="networkNamespace"/> (<c>ip netns exec</c>, which execs: the process id is the program's).</summary>
    public static ChildProcess StartDotnetIn(string networkNamespace, string name, string assemblyPath, IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return Start(name, "ip", ["netns", "exec", networkNamespace, "dotnet", "exec", assemblyPath], Path.GetDirectoryName(assemblyPath)!, settings);
    }

    /// <summary>Starts any program; the machine's own platform settings are removed from its environment first.</summary>
    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => PlatformSettingPrefixes.Any(k.StartsWith)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, line) => child.Append(line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit by itself; a timeout is a test failure.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s.\n{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no graceful shutdown, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_disposed && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _disposed = true;
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
