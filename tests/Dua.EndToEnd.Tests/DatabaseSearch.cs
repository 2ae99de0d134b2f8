using Npgsql;

namespace Dua.EndToEnd.Tests;

/// <summary>Searches every text and binary column of every table of a database for a string, e.g. a personal identity number.</summary>
public static class DatabaseSearch
{
    /// <summary>The tables (as "table.column") with at least one row holding <paramref name="needle"/>.</summary>
    public static async Task<List<string>> RowsHoldingAsync(string connectionString, string needle)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var command = dataSource.CreateCommand("""
            SELECT table_name, column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.NotEmpty(columns);
        var hits = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            // Binary payloads (grain state) are searched as bytes; everything else as text.
            var condition = type == "bytea"
                ? $"position(convert_to(@needle, 'UTF8') in \"{column}\") > 0"
                : $"\"{column}\"::text LIKE '%' || @needle || '%'";
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{table}\" WHERE {condition}");
            command.Parameters.AddWithValue("needle", needle);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }
}
