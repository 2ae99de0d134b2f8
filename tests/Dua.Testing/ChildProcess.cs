using System.Diagnostics;
using System.Text;

namespace Dua.Testing;

/// <summary>
/// A built platform program (silo, gateway, migrations) run as its own OS process with settings passed only as
/// environment variables, as an operator or deploy/run.sh runs it. Output is kept for failure messages.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    // Settings the platform reads; the machine's own values must not leak into a test's process.
    private static readonly string[] PlatformSettingPrefixes = ["Silo__", "Gateway__", "ConnectionStrings__", "Orleans__", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

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
        var start = new ProcessStartInfo("dotnet", ["exec", assemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => PlatformSettingPrefixes.Any(k.StartsWith)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
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
