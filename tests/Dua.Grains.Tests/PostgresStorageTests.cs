using Dua.Migrations;
using Dua.ReferenceData;
using Dua.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.TestingHost;

namespace Dua.Grains.Tests;

/// <summary>The grains on the real storage provider: Orleans ADO.NET on PostgreSQL, with the project's schema.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresStorageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Every_county_and_municipality_reads_back_its_own_state_after_a_cluster_restart()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("grains_storage");
        await DuaSchema.ApplyAsync(connectionString);

        await using (var first = await StartClusterAsync(connectionString))
        {
            Assert.Equal(290 + 21, await new GeographySeeder(first.GrainFactory).SeedAsync(Geography.Sweden));
        }

        // A fresh cluster has nothing in memory: each grain loads its row. Codes such as "0180" are all hex
        // digits; were they keys of their own they could load another grain's row (dotnet/orleans#9706).
        await using var second = await StartClusterAsync(connectionString);
        foreach (var entry in Geography.Sweden.Municipalities)
        {
            var stored = await second.GrainFactory.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(entry.Code)).GetAsync();
            Assert.Equal(entry.Code, stored?.Code);
            Assert.Equal(entry.Name, stored?.Name);
        }

        foreach (var county in Geography.Sweden.Counties)
        {
            var stored = await second.GrainFactory.GetGrain<IRegionGrain>(GrainKeys.Region(county.Code)).GetAsync();
            Assert.Equal(county.Code, stored?.Code);
            Assert.Equal(Geography.Sweden.MunicipalitiesIn(county.Code).Count, stored?.Municipalities.Length);
        }

        Assert.Equal(0, await new GeographySeeder(second.GrainFactory).SeedAsync(Geography.Sweden));
        Assert.Equal(290 + 21, await CountStoredRowsAsync(connectionString));
    }

    private static async Task<long> CountStoredRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT grainidextensionstring) FROM orleansstorage WHERE grainidextensionstring LIKE 'region-%' OR grainidextensionstring LIKE 'municipality-%'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<TestCluster> StartClusterAsync(string connectionString)
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);

        // State is stored per service id; the test cluster otherwise makes up a new one for each cluster.
        builder.Options.ServiceId = "dua-grains-tests";
        builder.Properties[PostgresStorageConfigurator.ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresStorageConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class PostgresStorageConfigurator : ISiloConfigurator
    {
        public const string ConnectionStringKey = "DuaTestConnectionString";

        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddAdoNetGrainStorage(StorageNames.Platform, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = siloBuilder.Configuration[ConnectionStringKey];
            });
    }
}
