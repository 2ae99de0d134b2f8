using System.Diagnostics;
using Dua.Security;
using Dua.Testing;
using Grpc.Net.Client;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// The platform as an operator runs it: deploy/run.sh with its own folders and loopback ports, and deploy/silo.sh
/// against it. Disposing leaves nothing running, whatever the test did.
/// </summary>
public sealed class ScriptedPlatform : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private ChildProcess? _runScript;
    private PlatformSecurity? _security;

    public ScriptedPlatform()
    {
        _folder = Directory.CreateTempSubdirectory("dua-ops-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // run.sh runs PostgreSQL as user postgres when started as root: it must reach the data folder in here.
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        // Four port kinds for silo indices 0..3, each kind a base+index range as run.sh assigns them.
        var block = PortBlock.Find(16);
        (GrpcBase, HttpBase, SiloPortBase, SiloOrleansClientBase) = (block, block + 4, block + 8, block + 12);
        _environment = new Dictionary<string, string>
        {
            ["DUA_GATEWAY_PORT"] = GatewayPort.ToString(),
            ["DUA_IDP_PORT"] = IdentityProviderPort.ToString(),
            ["DUA_WEB_PORT"] = WebPort.ToString(),
            ["DUA_PG_PORT"] = PostgresPort.ToString(),
            ["DUA_SILO_GRPC_BASE"] = GrpcBase.ToString(),
            ["DUA_SILO_HTTP_BASE"] = HttpBase.ToString(),
            ["DUA_SILO_PORT_BASE"] = SiloPortBase.ToString(),
            ["DUA_SILO_ORLEANS_CLIENT_BASE"] = SiloOrleansClientBase.ToString(),
            ["DUA_DATA_DIR"] = Path.Combine(_folder, "data"),
            ["DUA_RUN_DIR"] = RunDirectory,
            ["DUA_CONFIGURATION"] = BuildOutput.Configuration,
            // These tests load the platform as one caller; the per-caller limit is the gateway tests' subject.
            ["Gateway__RateLimit__PermitsPerSecond"] = PlatformSecurity.UnlimitedRate,
            ["Gateway__RateLimit__Burst"] = PlatformSecurity.UnlimitedRate,
        };
    }

    /// <summary>The web app run.sh starts after the gateway.</summary>
    public int WebPort { get; } = FreePort.Next();

    public int GatewayPort { get; } = FreePort.Next();

    public int PostgresPort { get; } = FreePort.Next();

    public int IdentityProviderPort { get; } = FreePort.Next();

    public int GrpcBase { get; }

    public int HttpBase { get; }

    public int SiloPortBase { get; }

    public int SiloOrleansClientBase { get; }

    public string RunDirectory => Path.Combine(_folder, "run");

    /// <summary>The run.sh process: the leader of its own session and process group.</summary>
    public int SupervisorPid { get; private set; }

    public string ConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database=dua";

    /// <summary>
    /// The identity provider and credential run.sh started and created (keys/): tokens from the provider's development
    /// client, as deploy/token.sh gets them.
    /// </summary>
    public PlatformSecurity Security => _security ??= PlatformSecurity.FromRunDirectory(RunDirectory);

    /// <summary>The gateway as an agency for the whole country (<see cref="TestCallers.Agency"/>).</summary>
    public GrpcChannel Gateway => ChannelFor(TestCallers.Agency);

    /// <summary>The gateway as <paramref name="caller"/>: every call carries a token for it.</summary>
    public GrpcChannel ChannelFor(Caller caller) => Security.ChannelFor($"http://127.0.0.1:{GatewayPort}", caller);

    /// <summary>Runs deploy/token.sh against this platform, as an operator would; returns the token it printed.</summary>
    public async Task<string> TokenFromScriptAsync(params string[] roleAndAreas)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "token.sh");
        using var command = ChildProcess.Start("token.sh", "bash", [script, .. roleAndAreas], RepositoryRoot.Path, _environment);
        var exitCode = await command.WaitForExitAsync(CommandTimeout);
        Assert.True(exitCode == 0, $"token.sh exited with code {exitCode}:\n{command.Output}");
        // Output holds stderr too: the token is the last line (token.sh prints nothing else when it succeeds).
        return command.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    public ChildProcess RunScript => _runScript ?? throw new InvalidOperationException("run.sh has not been started.");

    /// <summary>The name silo <paramref name="index"/> gives itself in <c>dua-served-by</c>.</summary>
    public string SiloName(int index) => $"dua-silo-{GrpcBase + index}";

    /// <summary>
    /// Starts <c>deploy/run.sh --silos N --no-build</c> and waits until it reports the platform running. It gets its
    /// own session (setsid) as a terminal's foreground job has, so Ctrl-C can go to its process group; and SIGINT
    /// at its default, since a process started in the background may inherit it as ignored, which bash cannot undo.
    /// </summary>
    public async Task StartAsync(int silos, TimeSpan timeout)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "run.sh");
        _runScript = ChildProcess.Start("run.sh", "setsid",
            ["--wait", "env", "--default-signal=INT", "bash", script, "--silos", silos.ToString(), "--no-build"],
            RepositoryRoot.Path, _environment);
        await Eventually.SucceedsWithinAsync(timeout, "run.sh reporting the platform running", () =>
        {
            Assert.False(_runScript.HasExited, $"run.sh exited with code {(_runScript.HasExited ? _runScript.ExitCode : 0)}");
            Assert.True(File.Exists(Path.Combine(RunDirectory, "platform.env")), "no platform.env yet");
            return Task.CompletedTask;
        });
        SupervisorPid = int.Parse(State("platform.env")["pid"]);
    }

    /// <summary>A key=value state file of run.sh, relative to its state folder (platform.env, silos/0).</summary>
    public IReadOnlyDictionary<string, string> State(string relativePath) =>
        File.ReadAllLines(Path.Combine(RunDirectory, relativePath))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);

    /// <summary>Runs deploy/silo.sh with the platform's settings; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> SiloCommandAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "silo.sh");
        using var command = ChildProcess.Start("silo.sh", "bash", [script, .. arguments], RepositoryRoot.Path, _environment);
        var exitCode = await command.WaitForExitAsync(CommandTimeout);
        return (exitCode, command.Output);
    }

    /// <summary>Ctrl-C in run.sh's terminal: SIGINT to its whole process group.</summary>
    public void PressCtrlC() => Signal("-INT", $"-{SupervisorPid}");

    /// <summary>SIGTERM to run.sh alone, as a service manager or an operator's <c>kill</c> sends it.</summary>
    public void Terminate() => Signal("-TERM", SupervisorPid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Processes still in run.sh's session: whatever it started and did not stop.</summary>
    public IReadOnlyList<string> ProcessesInSession()
    {
        var found = new List<string>();
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(dir => Path.Combine(dir, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses. A zombie has exited.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 3 && fields[3] == SupervisorPid.ToString() && fields[0] != "Z")
            {
                found.Add(text[..(text.LastIndexOf(')') + 1)]);
            }
        }

        return found;
    }

    /// <summary>The PostgreSQL server's process id while it runs (run.sh starts it detached, outside its session).</summary>
    public int? PostmasterPid()
    {
        var file = Path.Combine(_folder, "data", "postgres", "postmaster.pid");
        return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
    }

    /// <summary>Whether the process exists and has not exited (a zombie waiting to be reaped has).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public string Diagnostics()
    {
        var logs = Directory.Exists(RunDirectory)
            ? Directory.EnumerateFiles(RunDirectory, "*.log").Order()
                .Select(log => $"--- {Path.GetFileName(log)} ---\n{string.Join('\n', File.ReadLines(log).TakeLast(30))}")
            : [];
        return string.Join('\n', logs.Prepend(_runScript?.Tail(60) ?? "run.sh was not started"));
    }

    public void Dispose()
    {
        _security?.Dispose();
        // After a failure run.sh may still run: stop what it started, then the database it started detached.
        if (SupervisorPid > 0)
        {
            foreach (var process in ProcessesInSession())
            {
                Signal("-KILL", process[..process.IndexOf(' ')]);
            }
        }

        _runScript?.Dispose();
        using (var stop = ChildProcess.Start("postgres.sh", "bash",
                   [Path.Combine(RepositoryRoot.Path, "deploy", "postgres.sh"), "stop", Path.Combine(_folder, "data", "postgres")],
                   RepositoryRoot.Path, new Dictionary<string, string>()))
        {
            stop.WaitForExitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder must not fail the test.
        }
    }

    private static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, "--", target]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
