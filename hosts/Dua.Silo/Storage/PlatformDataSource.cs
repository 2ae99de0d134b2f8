using Npgsql;

namespace Dua.Silo.Storage;

/// <summary>
/// The silo's one PostgreSQL data source (grain state, its group commits, the audit trail, the endpoint registry).
/// Bounded so that ten silos fit PostgreSQL's default <c>max_connections</c> (100): at most
/// <see cref="MaxConnections"/> here plus <see cref="OrleansProviderConnections"/> for Orleans' membership and
/// reminder providers, 8 a silo. Connections are not reset when they return to the pool (Npgsql would otherwise
/// send DISCARD ALL on every reuse and drop its prepared statements), and the few statement texts the silo runs all
/// the time are prepared automatically. Settings given in the connection string win.
/// </summary>
public static class PlatformDataSource
{
    /// <summary>One for the committer's flush, the rest for reads of state that miss memory and audit listings.</summary>
    public const int MaxConnections = 5;

    /// <summary>Orleans' ADO.NET clustering and reminders share one pool (same connection string).</summary>
    public const int OrleansProviderConnections = 3;

    private const int PreparedStatements = 32;

    public static NpgsqlDataSource Create(string connectionString) =>
        NpgsqlDataSource.Create(Tune(connectionString, MaxConnections));

    /// <summary>The same settings with another bound, for a pool the silo does not own (Orleans' providers).</summary>
    public static string Tune(string connectionString, int maxConnections)
    {
        // The typed builder reports every keyword it knows as present, set or not: ask the string itself.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(given, "Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = maxConnections;
        }

        if (!Names(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Names(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static bool Names(System.Data.Common.DbConnectionStringBuilder given, params string[] keywords) =>
        keywords.Any(given.ContainsKey);
}
