using System.Diagnostics;
using Dua.Testing;
using Microsoft.Playwright;

namespace Dua.Web.BrowserTests;

/// <summary>
/// The platform as <c>deploy/run.sh --silos 1 --demo --no-build</c> starts it, on private loopback ports and folders,
/// and a headless Debian Chromium driven by Playwright. Disposing leaves nothing running.
/// </summary>
public sealed class WebPlatform : IAsyncLifetime
{
    /// <summary>Chromium from Debian's package; deploy/test.sh installs it. Playwright's own download does not work here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    // Headless Chromium on a closed network: no first-run work, no calls home, no QUIC retries.
    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private ChildProcess? _runScript;
    private IPlaywright? _playwright;

    public WebPlatform()
    {
        _folder = Directory.CreateTempSubdirectory("dua-web-").FullName;
        // run.sh runs PostgreSQL as user postgres when started as root: it must reach the data folder in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        _environment = new Dictionary<string, string>
        {
            ["DUA_GATEWAY_PORT"] = GatewayPort.ToString(),
            ["DUA_PG_PORT"] = FreePort.Next().ToString(),
            ["DUA_IDP_PORT"] = IdentityPort.ToString(),
            ["DUA_WEB_PORT"] = WebPort.ToString(),
            ["DUA_SILO_GRPC_BASE"] = FreePort.Next().ToString(),
            ["DUA_SILO_HTTP_BASE"] = FreePort.Next().ToString(),
            ["DUA_SILO_PORT_BASE"] = FreePort.Next().ToString(),
            ["DUA_SILO_ORLEANS_CLIENT_BASE"] = FreePort.Next().ToString(),
            ["DUA_DATA_DIR"] = Path.Combine(_folder, "data"),
            ["DUA_RUN_DIR"] = RunDirectory,
            ["DUA_CONFIGURATION"] = Configuration,
            // The tests read as fast as a person clicks, but the first render of a county fans out to many calls.
            ["Gateway__RateLimit__PermitsPerSecond"] = "100000",
            ["Gateway__RateLimit__Burst"] = "100000",
        };
    }

    public int GatewayPort { get; } = FreePort.Next();

    public int IdentityPort { get; } = FreePort.Next();

    public int WebPort { get; } = FreePort.Next();

    public string WebAddress => $"http://127.0.0.1:{WebPort}";

    public string GatewayAddress => $"http://127.0.0.1:{GatewayPort}";

    public string IdentityAddress => $"http://127.0.0.1:{IdentityPort}";

    public string RunDirectory => Path.Combine(_folder, "run");

    public IBrowser Browser { get; private set; } = null!;

    // This assembly runs from tests/Dua.Web.BrowserTests/bin/<Configuration>/<framework>/.
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (deploy/test.sh does, as root).");
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "run.sh");
        _runScript = ChildProcess.Start("run.sh", "setsid",
            ["--wait", "env", "--default-signal=INT", "bash", script, "--silos", "1", "--demo", "--no-build"],
            RepositoryRoot.Path, _environment);
        await Eventually.SucceedsWithinAsync(StartTimeout, "run.sh reporting the platform and the web app running", () =>
        {
            Assert.False(_runScript.HasExited, $"run.sh exited with code {(_runScript.HasExited ? _runScript.ExitCode : 0)}\n{_runScript.Tail(60)}");
            Assert.Contains("web app:", _runScript.Output, StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArguments });
    }

    /// <summary>A fresh browser profile (no cookies), Swedish, at a desktop size.</summary>
    public async Task<IBrowserContext> NewContextAsync() =>
        await Browser.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });

    /// <summary>deploy/token.sh against this platform: a client-credentials token from its identity provider.</summary>
    public async Task<string> TokenAsync(params string[] roleAndAreas)
    {
        using var command = ChildProcess.Start("token.sh", "bash", [Path.Combine(RepositoryRoot.Path, "deploy", "token.sh"), .. roleAndAreas],
            RepositoryRoot.Path, _environment);
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"token.sh exited with code {exitCode}:\n{command.Output}");
        return command.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>A key=value state file of run.sh (platform.env, web.env).</summary>
    public IReadOnlyDictionary<string, string> State(string name) =>
        File.ReadAllLines(Path.Combine(RunDirectory, name))
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);

    public string Diagnostics()
    {
        var logs = Directory.Exists(RunDirectory)
            ? Directory.EnumerateFiles(RunDirectory, "*.log").Order()
                .Select(log => $"--- {Path.GetFileName(log)} ---\n{string.Join('\n', File.ReadLines(log).TakeLast(30))}")
            : [];
        return string.Join('\n', logs.Prepend(_runScript?.Tail(40) ?? "run.sh was not started"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_runScript is { HasExited: false })
        {
            // Ctrl-C: run.sh stops what it started (web app, gateway, silo, provider) and its PostgreSQL.
            Signal("-INT", $"-{_runScript.Id}");
            try
            {
                await _runScript.WaitForExitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                Signal("-KILL", $"-{_runScript.Id}");
            }
        }

        _runScript?.Dispose();
        using (var stop = ChildProcess.Start("postgres.sh", "bash",
                   [Path.Combine(RepositoryRoot.Path, "deploy", "postgres.sh"), "stop", Path.Combine(_folder, "data", "postgres")],
                   RepositoryRoot.Path, new Dictionary<string, string>()))
        {
            await stop.WaitForExitAsync(TimeSpan.FromMinutes(1));
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder must not fail the tests.
        }
    }

    public static void Signal(string signal, string target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, "--", target]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
