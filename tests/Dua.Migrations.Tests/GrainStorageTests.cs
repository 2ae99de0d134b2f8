using Dua.Migrations.Tests.Grains;
using Dua.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Dua.Migrations.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class GrainStorageTests(PostgresFixture postgres)
{
    private const string Cluster = "dua-storage";

    [Fact]
    public async Task State_written_by_one_silo_is_read_back_by_the_next_after_a_restart()
    {
        var connectionString = await NewSchemaAsync("storage_restart");

        var first = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var counter = first.Grains().GetGrain<ICounterGrain>("counter-restart");
            Assert.Equal(5, await counter.AddAsync(5));
            Assert.Equal(7, await counter.AddAsync(2));
        }
        finally
        {
            await first.StopAndDisposeAsync();
        }

        Assert.Equal(2, await VersionAsync(connectionString));

        var second = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var counter = second.Grains().GetGrain<ICounterGrain>("counter-restart");
            Assert.Equal(7, await counter.GetAsync());
            Assert.Equal(8, await counter.AddAsync(1));
        }
        finally
        {
            await second.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task A_write_against_a_version_that_moved_on_fails_with_InconsistentStateException()
    {
        var connectionString = await NewSchemaAsync("storage_stale");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var counter = silo.Grains().GetGrain<ICounterGrain>("counter-stale");
            await counter.AddAsync(1);

            // Another writer (say, a duplicate activation after a partition) got there first.
            Assert.Equal(1, await Sql.ExecuteAsync(connectionString, "UPDATE orleansstorage SET version = version + 1"));

            await Assert.ThrowsAsync<InconsistentStateException>(() => counter.AddAsync(1));
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task A_first_write_without_a_version_fails_when_a_row_already_exists()
    {
        var connectionString = await NewSchemaAsync("storage_insert_conflict");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            await silo.Grains().GetGrain<ICounterGrain>("counter-conflict").AddAsync(1);
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.Storage);
            var grainId = GrainId.Create("counter", "counter-conflict");
            var fresh = new GrainState<CounterState>(new CounterState { Value = 9 });

            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grainId, fresh));

            var read = new GrainState<CounterState>();
            await storage.ReadStateAsync("counter", grainId, read);
            Assert.Equal(1, read.State?.Value);
            Assert.Equal("1", read.ETag);
            Assert.True(read.RecordExists);
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Clearing_empties_the_state_keeps_counting_versions_and_allows_new_writes()
    {
        var connectionString = await NewSchemaAsync("storage_clear");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var counter = silo.Grains().GetGrain<ICounterGrain>("counter-clear");
            await counter.AddAsync(3);

            await counter.ClearAsync();

            Assert.Equal(0, await counter.GetAsync());
            Assert.Equal(2, await VersionAsync(connectionString));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString,
                "SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NOT NULL"));
            Assert.Equal(4, await counter.AddAsync(4));
            Assert.Equal(3, await VersionAsync(connectionString));
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Clearing_with_DeleteStateOnClear_deletes_the_row_and_a_later_write_inserts_it_again()
    {
        var connectionString = await NewSchemaAsync("storage_delete");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var scratch = silo.Grains().GetGrain<IScratchGrain>("scratch-delete");
            await scratch.AddAsync(3);
            Assert.Equal(1L, await RowCountAsync(connectionString));

            await scratch.ClearAsync();
            Assert.Equal(0L, await RowCountAsync(connectionString));

            Assert.Equal(2, await scratch.AddAsync(2));
            Assert.Equal(1, await VersionAsync(connectionString));
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
        Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleansstorage");

    // The tests each keep one grain state per database, so "the" row is unambiguous.
    private static Task<int> VersionAsync(string connectionString) =>
        Sql.ScalarAsync<int>(connectionString, "SELECT version FROM orleansstorage");
}
