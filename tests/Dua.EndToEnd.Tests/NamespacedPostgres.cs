using System.Globalization;
using Dua.Testing;
using Npgsql;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// A PostgreSQL server on its own host (a network namespace), listening only on that host's address and only for TLS
/// (<c>hostssl</c>), with a certificate of the test's CA; clients connect with <c>SSL Mode=VerifyFull</c>. It can be
/// stopped as a crash does (<c>-m immediate</c>) and started again on the same data.
/// </summary>
public sealed class NamespacedPostgres : IAsyncDisposable
{
    private const int Port = 5432;
    private readonly NamespaceHost _host;
    private readonly string _folder;
    private readonly string _bin;

    private NamespacedPostgres(NamespaceHost host, string folder, string bin, string caPath)
    {
        _host = host;
        _folder = folder;
        _bin = bin;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = host.Address.ToString(),
            Port = Port,
            Username = "postgres",
            Database = "dua",
            SslMode = SslMode.VerifyFull,
            RootCertificate = caPath,
        }.ConnectionString;
    }

    /// <summary>The <c>dua</c> database over TLS, the server's certificate checked against the CA and its address.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    public static async Task<NamespacedPostgres> StartAsync(NamespaceHost host, TestCertificateAuthority ca)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "postgres"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: deploy/postgres.sh install");
        var folder = Directory.CreateTempSubdirectory("dua-mh-pg-").FullName;
        NetworkNamespaces.Execute("chmod", "755", folder);
        NetworkNamespaces.Execute("chown", "postgres:postgres", folder);
        var server = new NamespacedPostgres(host, folder, bin, ca.CaPath);

        server.AsPostgres("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        var certificate = ca.Issue("postgres", [host.Address]);
        foreach (var (source, target) in new[] { (certificate.CertificatePath, "server.crt"), (certificate.KeyPath, "server.key") })
        {
            File.Copy(source, Path.Combine(server.DataDirectory, target));
            NetworkNamespaces.Execute("chown", "postgres:postgres", Path.Combine(server.DataDirectory, target));
            NetworkNamespaces.Execute("chmod", "600", Path.Combine(server.DataDirectory, target));
        }

        // Only TLS from the hosts' subnet; nothing else.
        await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "pg_hba.conf"), string.Create(CultureInfo.InvariantCulture,
            $"local all all trust\nhostssl all all {host.Address}/24 trust\n"));
        await File.AppendAllTextAsync(Path.Combine(server.DataDirectory, "postgresql.conf"), string.Create(CultureInfo.InvariantCulture,
            $"\nlisten_addresses = '{host.Address}'\nport = {Port}\nunix_socket_directories = '{folder}'\nssl = on\nmax_connections = 500\nshared_buffers = 32MB\n"));

        server.Start();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE dua", connection);
            await create.ExecuteNonQueryAsync();
        }

        return server;
    }

    /// <summary>Starts the server inside its host and waits until it accepts connections.</summary>
    public void Start() =>
        Check(NetworkNamespaces.Execute("ip", "netns", "exec", _host.Namespace, "runuser", "-u", "postgres", "--",
            Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"), "pg_ctl start");

    /// <summary>Stops the server as a crash would: no checkpoint, connections cut.</summary>
    public void Crash() => Check(AsPostgresResult("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop"), "pg_ctl stop");

    public string Log => File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : "";

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        AsPostgresResult("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private void AsPostgres(string program, params string[] arguments) => Check(AsPostgresResult(program, arguments), program);

    private (int ExitCode, string Output) AsPostgresResult(string program, params string[] arguments) =>
        NetworkNamespaces.Execute(["runuser", "-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]);

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited with {result.ExitCode}: {result.Output}");
        }
    }
}
