using Dua.Testing;

namespace Dua.Migrations.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class SchemaTests(PostgresFixture postgres)
{
    private static readonly string[] Scripts =
    [
        "0001_orleans_clustering.sql",
        "0002_orleans_persistence.sql",
        "0003_orleans_reminders.sql",
        "0004_dua_silo_endpoints.sql",
        "0005_dua_audit_trail.sql",
        "0006_dua_grain_state.sql",
    ];

    // Every key Orleans 10.4.2's clustering, storage and reminder providers read from orleansquery.
    private static readonly string[] QueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey",
        "DeleteMembershipTableEntriesKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        "DeleteStorageKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key",
        "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey", "UpsertReminderRowKey", "WriteToStorageKey",
    ];

    [Fact]
    public async Task Applying_twice_applies_each_script_once_and_changes_nothing_the_second_time()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("schema_twice");

        var first = await DuaSchema.ApplyAsync(connectionString);
        var shape = await SchemaShapeAsync(connectionString);
        var second = await DuaSchema.ApplyAsync(connectionString);

        Assert.Equal(Scripts, first.Select(ScriptFileName));
        Assert.Empty(second);
        Assert.Equal(shape, await SchemaShapeAsync(connectionString));
    }

    [Fact]
    public async Task Concurrent_applies_to_a_missing_database_create_it_and_apply_each_script_once()
    {
        var connectionString = postgres.Server.ConnectionStringFor("schema_concurrent");

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => DuaSchema.ApplyAsync(connectionString))));

        Assert.Equal(Scripts, results.SelectMany(applied => applied).Select(ScriptFileName).Order());
        Assert.Equal(Scripts.Length, await Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM dua_schema_versions"));
        var sequential = await postgres.Server.CreateDatabaseAsync("schema_sequential");
        await DuaSchema.ApplyAsync(sequential);
        Assert.Equal(await SchemaShapeAsync(sequential), await SchemaShapeAsync(connectionString));
    }

    [Fact]
    public async Task Every_query_key_the_providers_read_is_installed()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("schema_queries");
        await DuaSchema.ApplyAsync(connectionString);

        var keys = await Sql.RowsAsync(connectionString, "SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"");

        Assert.Equal(QueryKeys.Order(StringComparer.Ordinal), keys);
    }

    private static string ScriptFileName(string resourceName) =>
        resourceName["Dua.Migrations.Scripts.".Length..];

    // Tables, columns, indexes and query texts: what two databases must share to be "the same schema".
    private static async Task<List<string>> SchemaShapeAsync(string connectionString)
    {
        var columns = await Sql.RowsAsync(connectionString, """
            SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'dua_schema_versions'
            ORDER BY table_name, ordinal_position
            """);
        var indexes = await Sql.RowsAsync(connectionString,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
        var queries = await Sql.RowsAsync(connectionString,
            "SELECT querykey, md5(querytext) FROM orleansquery ORDER BY querykey");
        return [.. columns, .. indexes, .. queries];
    }
}
