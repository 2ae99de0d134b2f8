using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Dua.Migrations;

/// <summary>
/// The PostgreSQL schema the platform owns: Orleans clustering, grain storage and reminders
/// (tables plus the named queries the ADO.NET providers read at start-up) and Dua's own tables.
/// </summary>
public static class DuaSchema
{
    /// <summary>The DbUp journal: one row per applied script.</summary>
    public const string JournalTable = "dua_schema_versions";

    // Fixed key of the session-level advisory lock that serializes upgrades, so silos
    // and tools starting at the same time apply each script exactly once.
    private const long UpgradeLockKey = 0x4475_615F_5363_6865; // "Dua_Sche"

    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";

    /// <summary>
    /// Creates the database if needed and applies the scripts not applied yet, each in its
    /// own transaction. Safe to call concurrently from several processes.
    /// </summary>
    /// <returns>The names of the scripts this call applied (empty when up to date).</returns>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var log = new NoOpUpgradeLog();
        EnsureDatabaseExists(connectionString, log);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({UpgradeLockKey})", ct);
        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DuaSchema).Assembly, IsSchemaScript)
                .JournalToPostgresqlTable("public", JournalTable)
                .WithTransactionPerScript()
                .LogTo(log)
                .Build();
            var result = await Task.Run(upgrader.PerformUpgrade, ct);
            if (!result.Successful)
            {
                var script = result.ErrorScript?.Name ?? "(none)";
                throw new InvalidOperationException(
                    $"Applying schema script {script} failed: {result.Error?.Message}", result.Error);
            }

            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            // Closing the session would release it too; unlock explicitly so a pooled
            // connection never carries the lock back into the pool.
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({UpgradeLockKey})", CancellationToken.None);
        }
    }

    private static bool IsSchemaScript(string resourceName) =>
        resourceName.StartsWith($"{typeof(DuaSchema).Namespace}.Scripts.", StringComparison.Ordinal)
        && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    private static void EnsureDatabaseExists(string connectionString, IUpgradeLog log)
    {
        try
        {
            EnsureDatabase.For.PostgresqlDatabase(connectionString, log);
        }
        catch (PostgresException e) when (e.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Another process created it between DbUp's check and its CREATE DATABASE.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
