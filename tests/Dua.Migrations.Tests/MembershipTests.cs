using System.Net;
using Dua.Migrations.Tests.Grains;
using Dua.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Dua.Migrations.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class MembershipTests(PostgresFixture postgres)
{
    private const string Cluster = "dua-cluster";

    [Fact]
    public async Task A_silo_joins_as_active_is_marked_dead_when_stopped_and_its_row_is_cleaned_up_later()
    {
        var connectionString = await NewSchemaAsync("membership_lifecycle");

        var first = await TestSilo.StartAsync(connectionString, Cluster);
        Assert.Equal(["3"], await StatusesAsync(connectionString));
        await first.StopAndDisposeAsync();
        Assert.Equal(["6"], await StatusesAsync(connectionString));

        var second = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            Assert.Equal(["3", "6"], await StatusesAsync(connectionString));
            var table = second.Services.GetRequiredService<IMembershipTable>();
            await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Equal(["3"], await StatusesAsync(connectionString));
        }
        finally
        {
            await second.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Two_silos_form_a_cluster_that_a_client_reaches_through_the_gateway_list()
    {
        var connectionString = await NewSchemaAsync("membership_cluster");
        var a = await TestSilo.StartAsync(connectionString, Cluster);
        var b = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var management = a.Grains().GetGrain<IManagementGrain>(0);
            await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(60), "both silos see each other as active",
                async () => (await management.GetHosts(onlyActive: true)).Count == 2);
            Assert.Equal(["3", "3"], await StatusesAsync(connectionString));

            var client = await TestSilo.StartClientAsync(connectionString, Cluster);
            try
            {
                Assert.Equal(2, await client.Grains().GetGrain<ICounterGrain>("counter-client").AddAsync(2));
            }
            finally
            {
                await client.StopAndDisposeAsync();
            }

            // The gateway's join: endpoints of active silos only.
            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO dua_silo_endpoints (cluster_id, address, port, generation, grpc_endpoint)
                SELECT deploymentid, address, port, generation, 'http://' || address || ':5000'
                FROM orleansmembershiptable
                UNION ALL SELECT @c, '127.0.0.1', 1, 1, 'http://127.0.0.1:1'
                """, ("c", Cluster));
            var live = await Sql.RowsAsync(connectionString, """
                SELECT e.grpc_endpoint
                FROM dua_silo_endpoints e
                JOIN orleansmembershiptable m
                  ON m.deploymentid = e.cluster_id AND m.address = e.address
                 AND m.port = e.port AND m.generation = e.generation
                WHERE e.cluster_id = @c AND m.status = 3
                """, ("c", Cluster));
            Assert.Equal(2, live.Count);
        }
        finally
        {
            await b.StopAndDisposeAsync();
            await a.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Deleting_a_clusters_entries_removes_its_version_and_member_rows_only()
    {
        var connectionString = await NewSchemaAsync("membership_delete");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO orleansmembershipversiontable (deploymentid) VALUES ('ghost');
                INSERT INTO orleansmembershiptable
                    (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
                VALUES ('ghost', '127.0.0.1', 1, 1, 'ghost', 'ghost', 6, 0, now(), now());
                """);

            await silo.Services.GetRequiredService<IMembershipTable>().DeleteMembershipTableEntriesAsync("ghost");

            Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString,
                "SELECT count(*) FROM orleansmembershipversiontable WHERE deploymentid = 'ghost'"));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(connectionString,
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'ghost'"));
            Assert.Equal(["3"], await StatusesAsync(connectionString));
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Membership_writes_succeed_only_against_the_current_table_version()
    {
        var connectionString = await NewSchemaAsync("membership_versions");
        var silo = await TestSilo.StartAsync(connectionString, Cluster);
        try
        {
            var table = silo.Services.GetRequiredService<IMembershipTable>();
            var seen = (await table.ReadAllAsync()).Version;

            // Two silos race to insert against the same version: exactly one may win.
            var raced = await Task.WhenAll(
                table.InsertRowAsync(DeadEntry(port: 1), seen.Next()),
                table.InsertRowAsync(DeadEntry(port: 2), seen.Next()));
            Assert.Single(raced, inserted => inserted);

            var current = (await table.ReadAllAsync()).Version;
            Assert.Equal(seen.Version + 1, current.Version);
            Assert.False(await table.InsertRowAsync(DeadEntry(port: 3), seen.Next()));

            var winner = DeadEntry(port: raced[0] ? 1 : 2);
            Assert.False(await table.InsertRowAsync(winner, current.Next()));

            winner.IAmAliveTime = DateTime.UtcNow.AddSeconds(1);
            Assert.False(await table.UpdateRowAsync(winner, seen.VersionEtag, seen.Next()));
            Assert.True(await table.UpdateRowAsync(winner, current.VersionEtag, current.Next()));

            var row = await table.ReadRowAsync(winner.SiloAddress);
            Assert.Equal(current.Version + 1, row.Version.Version);
            var (entry, etag) = Assert.Single(row.Members);
            Assert.Equal(row.Version.VersionEtag, etag);
            Assert.Equal(SiloStatus.Dead, entry.Status);
            Assert.Equal(winner.SiloName, entry.SiloName);
        }
        finally
        {
            await silo.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task The_fallback_cleanup_query_deletes_only_dead_rows_older_than_the_cutoff()
    {
        var connectionString = await NewSchemaAsync("membership_fallback_cleanup");
        await Sql.ExecuteAsync(connectionString, """
            INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@c);
            INSERT INTO orleansmembershiptable
                (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
            VALUES (@c, '127.0.0.1', 1, 1, 'old-dead', 'h', 6, 0, now() - interval '2 hours', now() - interval '1 hour'),
                   (@c, '127.0.0.1', 2, 1, 'new-dead', 'h', 6, 0, now(), now()),
                   (@c, '127.0.0.1', 3, 1, 'old-active', 'h', 3, 0, now() - interval '2 hours', now() - interval '1 hour');
            """, ("c", Cluster));
        // 10.4.2 prefers CleanupDefunctSiloEntryKey; older providers and tools use this one.
        var query = await Sql.ScalarAsync<string>(connectionString,
            "SELECT querytext FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'");

        await Sql.ExecuteAsync(connectionString, query!,
            ("DeploymentId", Cluster), ("IAmAliveTime", DateTime.UtcNow.AddMinutes(-30)));

        Assert.Equal(["new-dead", "old-active"], await Sql.RowsAsync(connectionString,
            "SELECT siloname FROM orleansmembershiptable ORDER BY siloname"));
    }

    // A dead silo's row: the live silo under test ignores it.
    private static MembershipEntry DeadEntry(int port) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"ghost-{port}",
        HostName = "ghost-host",
        Status = SiloStatus.Dead,
        ProxyPort = 0,
        StartTime = DateTime.UtcNow,
        IAmAliveTime = DateTime.UtcNow,
    };

    private async Task<string> NewSchemaAsync(string database)
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(database);
        await DuaSchema.ApplyAsync(connectionString);
        return connectionString;
    }

    private static Task<List<string>> StatusesAsync(string connectionString) =>
        Sql.RowsAsync(connectionString,
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @c ORDER BY status",
            ("c", Cluster));
}
