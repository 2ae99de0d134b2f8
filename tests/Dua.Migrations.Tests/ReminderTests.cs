using Dua.Migrations.Tests.Grains;
using Dua.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dua.Migrations.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class ReminderTests(PostgresFixture postgres)
{
    private const string Cluster = "dua-reminders";

    [Fact]
    public async Task A_grain_registers_reads_and_unregisters_a_reminder()
    {
        var connectionString = await NewSchemaAsync("reminders_grain");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var probe = silo.Grains().GetGrain<IReminderProbeGrain>("probe-a");

            await probe.RegisterAsync("tick");
            Assert.True(await probe.IsRegisteredAsync("tick"));
            Assert.Equal(1L, await RowCountAsync(connectionString));

            await probe.RegisterAsync("tick");
            Assert.Equal(1, await Sql.ScalarAsync<int>(connectionString, "SELECT version FROM orleansreminderstable"));

            await probe.UnregisterAsync("tick");
            Assert.False(await probe.IsRegisteredAsync("tick"));
            Assert.Equal(0L, await RowCountAsync(connectionString));
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task The_reminder_table_reads_hash_ranges_both_ways_and_deletes_only_the_current_version()
    {
        var connectionString = await NewSchemaAsync("reminders_table");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var table = silo.Services.GetRequiredService<IReminderTable>();
            var grainId = GrainId.Create("probe", "probe-range");
            var entry = new ReminderEntry
            {
                GrainId = grainId,
                ReminderName = "tick",
                StartAt = DateTime.UtcNow,
                Period = TimeSpan.FromHours(1),
            };
            var firstETag = await table.UpsertRow(entry) ?? throw new InvalidOperationException("No ETag.");
            var secondETag = await table.UpsertRow(entry) ?? throw new InvalidOperationException("No ETag.");
            Assert.NotEqual(firstETag, secondETag);

            var hash = grainId.GetUniformHashCode();
            // Signed order decides which query the provider uses: (hash-1, hash] does not wrap,
            // (hash+1, hash] wraps around the whole ring, (hash, hash+1] excludes the grain.
            Assert.Single((await table.ReadRows(unchecked(hash - 1), hash)).Reminders);
            Assert.Single((await table.ReadRows(unchecked(hash + 1), hash)).Reminders);
            Assert.Empty((await table.ReadRows(hash, unchecked(hash + 1))).Reminders);
            Assert.Single((await table.ReadRows(grainId)).Reminders);

            var read = await table.ReadRow(grainId, "tick");
            Assert.NotNull(read);
            Assert.Equal(secondETag, read.ETag);
            Assert.Equal(TimeSpan.FromHours(1), read.Period);

            Assert.False(await table.RemoveRow(grainId, "tick", firstETag));
            Assert.True(await table.RemoveRow(grainId, "tick", secondETag));
            Assert.Empty((await table.ReadRows(grainId)).Reminders);

            await table.UpsertRow(entry);
            await table.TestOnlyClearTable();
            Assert.Equal(0L, await RowCountAsync(connectionString));
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    private async Task<string> NewSchemaAsync(string database)
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(database);
        await DuaSchema.ApplyAsync(connectionString);
        return connectionString;
    }

    private static Task<long> RowCountAsync(string connectionString) =>
        Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleansreminderstable");
}
