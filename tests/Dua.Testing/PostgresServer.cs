using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dua.Testing;

/// <summary>
/// A private PostgreSQL cluster for tests, started with deploy/postgres.sh in a temporary
/// folder on a free loopback port (installing PostgreSQL first on a machine without it),
/// and stopped and deleted on dispose.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    // deploy/postgres.sh exits with 3 when the port was taken after we picked it.
    private const int PortTakenExitCode = 3;
    private const int StartAttempts = 5;
    // Generous: the first start on a clean machine installs PostgreSQL with apt.
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    private readonly string _folder;
    private readonly string _dataDirectory;

    private PostgresServer(string folder, string dataDirectory, int port, string connectionString)
    {
        _folder = folder;
        _dataDirectory = dataDirectory;
        Port = port;
        ConnectionString = connectionString;
    }

    public int Port { get; }

    /// <summary>The server's own log (deploy/postgres.sh writes it beside the data folder), e.g. to search it.</summary>
    public string LogFile => System.IO.Path.Combine(_folder, System.IO.Path.GetFileName(_dataDirectory) + ".log");

    /// <summary>Connection string to the cluster's <c>dua</c> database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("dua-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // When tests run as root the server runs as user postgres, which must be able
            // to reach the data folder inside this (by default owner-only) folder.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var dataDirectory = System.IO.Path.Combine(folder, "data");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var start = await RunScriptAsync(ct, "start", dataDirectory, port.ToString());
                if (start.ExitCode == PortTakenExitCode && attempt < StartAttempts)
                {
                    continue;
                }

                start.ThrowIfFailed();
                var url = await RunScriptAsync(ct, "url", port.ToString());
                url.ThrowIfFailed();
                return new PostgresServer(folder, dataDirectory, port, url.Output.Trim());
            }
        }
        catch
        {
            await RunScriptAsync(CancellationToken.None, "stop", dataDirectory);
            TryDelete(folder);
            throw;
        }
    }

    /// <summary>Connection string to another database of this cluster (which may not exist yet).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Use lower-case letters, digits and '_' for a database name, not '{name}'.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would only be cut by the fast shutdown anyway.
        NpgsqlConnection.ClearAllPools();
        var stop = await RunScriptAsync(CancellationToken.None, "stop", _dataDirectory);
        if (stop.ExitCode == 0)
        {
            TryDelete(_folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder must not fail the test run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<ScriptResult> RunScriptAsync(CancellationToken ct, params string[] arguments)
    {
        var script = System.IO.Path.Combine(RepositoryRoot.Path, "deploy", "postgres.sh");
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/postgres.sh {string.Join(' ', arguments)} did not finish in {ScriptTimeout}.");
        }

        return new ScriptResult(arguments, process.ExitCode, await output, await error);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private sealed record ScriptResult(string[] Arguments, int ExitCode, string Output, string Error)
    {
        public void ThrowIfFailed()
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"deploy/postgres.sh {string.Join(' ', Arguments)} exited with {ExitCode}:{Environment.NewLine}{Output}{Error}");
            }
        }
    }
}
