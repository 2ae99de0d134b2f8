using System.Diagnostics;
using Dua.Testing;

namespace Dua.Migrations.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class MigrationsProgramTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Program_applies_the_schema_and_exits_zero()
    {
        var connectionString = postgres.Server.ConnectionStringFor("program_ok");

        var (exitCode, output) = await RunAsync(connectionString);

        Assert.Equal(0, exitCode);
        Assert.Contains("0006_dua_grain_state.sql", output);
        Assert.Equal(6L, await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM dua_schema_versions"));
    }

    [Fact]
    public async Task Program_exits_non_zero_with_a_message_when_the_database_is_unreachable()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=dua;Timeout=3";

        var (exitCode, output) = await RunAsync(unreachable);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("schema upgrade failed", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dua.Migrations.dll"));
        info.ArgumentList.Add(connectionString);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
