using Npgsql;

namespace Dua.Silo.Hosting;

/// <summary>
/// The connection string Orleans' ADO.NET providers get. They run the same few statements (read, write, membership)
/// all the time, so Npgsql prepares them on each connection after their second use: measured here, this more than
/// doubles storage writes a second (see docs/benchmarks.md). Settings given in configuration win.
/// </summary>
public static class OrleansConnectionString
{
    private const int PreparedStatements = 32;

    public static string? Tune(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
