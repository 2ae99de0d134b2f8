using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Domain.Statistics;
using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Statistics;
using Dua.Migrations;
using Dua.ReferenceData;
using Dua.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.TestingHost;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.LabourMarket;
using Dua.Grains.Abstractions.Participants;
using Dua.Grains.Abstractions.Statistics;

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

    [Fact]
    public async Task A_county_s_aggregates_are_counted_again_from_storage_after_a_cluster_restart()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("grains_statistics");
        await DuaSchema.ApplyAsync(connectionString);
        var agreementId = AgreementTestData.NewAgreementId();
        CountyStatistics before;

        await using (var first = await StartClusterAsync(connectionString))
        {
            var grains = first.GrainFactory;
            await new GeographySeeder(grains).SeedAsync(Geography.Sweden);
            var agreement = grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));
            await agreement.CreateAsync(AgreementTestData.NewRequest(), AgreementTestData.Youth("2184", "2183"));
            var track = (await agreement.AddJobTrackAsync(AgreementTestData.NewRequest(), ParticipantTestData.TrackWithPlaces("Vård", 4))).JobTrackId;
            await agreement.SignAsync(AgreementTestData.NewRequest(), new ValidityPeriod(AgreementTestData.ValidFrom, AgreementTestData.ValidTo));
            for (var i = 0; i < 12; i++)
            {
                var pseudonym = ParticipantTestData.NewPerson();
                var enrolled = await grains.GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym))
                    .EnrolAsync(AgreementTestData.NewRequest(), ParticipantTestData.Enrolment(agreementId, pseudonym));
                var participant = grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(enrolled.Id));
                if (i % 3 == 0)
                {
                    await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.Exit(ExitOutcome.Employment, ParticipantTestData.Day2));
                }
                else if (i % 3 == 1)
                {
                    await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.JobPreparation(ParticipantTestData.Day2));
                    await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.Path(PathChoice.Work, ParticipantTestData.Day3));
                    if (i < 10)
                    {
                        await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.JobTrack(track, ParticipantTestData.Day3));
                    }
                }
            }

            await grains.GetGrain<ILabourMarketGrain>(GrainKeys.LabourMarket("2184"))
                .ReportAsync(AgreementTestData.NewRequest(), new DateOnly(2026, 3, 1), new MonthlyFigures(1300, 300, 160, 400, 7.2));
            before = await grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics("21")).GetAsync();
        }

        Assert.Equal((12L, 4L, 4L, 1L, 3L), (before.County.Participants.Enrolled, before.County.Participants.Exited,
            before.County.Participants.InModule1, before.County.Participants.InModule2, before.County.Participants.InModule3));
        Assert.Equal(3, before.County.JobTracks.PlacesTaken);

        // Nothing of the aggregates is stored: the new cluster counts them from the agreements,
        // participants and reports in PostgreSQL.
        await using var second = await StartClusterAsync(connectionString);
        var after = await second.GrainFactory.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics("21")).GetAsync();
        var recount = await second.GrainFactory.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics("21")).RecountAsync(repair: false);

        foreach (var statistics in new[] { after, recount.Recount })
        {
            AssertSameTally(before.County, statistics.County);
            foreach (var code in new[] { "2184", "2183", "2180" })
            {
                AssertSameTally(before.Municipalities[code], statistics.Municipalities[code]);
            }
        }
    }

    [Fact]
    public async Task An_agreement_stored_in_parts_reads_back_whole_after_a_cluster_restart()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("grains_agreement_parts");
        await DuaSchema.ApplyAsync(connectionString);
        var agreementId = AgreementTestData.NewAgreementId();
        AgreementSnapshot before;

        await using (var first = await StartClusterAsync(connectionString))
        {
            var grains = first.GrainFactory;
            await new GeographySeeder(grains).SeedAsync(Geography.Sweden);
            var agreement = grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId));
            await agreement.CreateAsync(AgreementTestData.NewRequest(), AgreementTestData.Youth("2184"));
            var track = (await agreement.AddJobTrackAsync(AgreementTestData.NewRequest(), ParticipantTestData.TrackWithPlaces("Vård", 4))).JobTrackId;
            await agreement.SignAsync(AgreementTestData.NewRequest(), new ValidityPeriod(AgreementTestData.ValidFrom, AgreementTestData.ValidTo));
            var participants = new List<IParticipantGrain>();
            for (var i = 0; i < 4; i++)
            {
                var pseudonym = ParticipantTestData.NewPerson();
                var enrolled = await grains.GetGrain<IPersonGrain>(GrainKeys.Person(pseudonym))
                    .EnrolAsync(AgreementTestData.NewRequest(), ParticipantTestData.Enrolment(agreementId, pseudonym));
                participants.Add(grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(enrolled.Id)));
            }

            // Places change (only the places part written), then the terms (the whole agreement), then places again,
            // and admissions after both: each part is newer than the others at some point.
            await TakePlaceAsync(participants[0], track);
            await agreement.AmendAsync(AgreementTestData.NewRequest(), AgreementTestData.Amendment("Nya mål", null, null));
            await TakePlaceAsync(participants[1], track);
            await TakePlaceAsync(participants[2], track);
            await participants[1].RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.Exit(ExitOutcome.Employment, ParticipantTestData.Day4));
            var late = ParticipantTestData.NewPerson();
            await grains.GetGrain<IPersonGrain>(GrainKeys.Person(late)).EnrolAsync(AgreementTestData.NewRequest(), ParticipantTestData.Enrolment(agreementId, late));
            before = (await agreement.GetAsync())!;
        }

        Assert.Equal((5, 2), (before.ParticipantsAdmitted, before.JobTracks[0].PlacesTaken));
        await using var second = await StartClusterAsync(connectionString);
        var after = (await second.GrainFactory.GetGrain<IAgreementGrain>(GrainKeys.Agreement(agreementId)).GetAsync())!;
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(before with { JobTracks = [], Amendments = [] }),
            System.Text.Json.JsonSerializer.Serialize(after with { JobTracks = [], Amendments = [] }));
        Assert.Equal(before.JobTracks[0].Participants.AsEnumerable(), after.JobTracks[0].Participants.AsEnumerable());
        Assert.Equal(before.Amendments.AsEnumerable(), after.Amendments.AsEnumerable());
    }

    private static async Task TakePlaceAsync(IParticipantGrain participant, string track)
    {
        await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.JobPreparation(ParticipantTestData.Day2));
        await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.Path(PathChoice.Work, ParticipantTestData.Day3));
        await participant.RecordAsync(AgreementTestData.NewRequest(), ParticipantTestData.JobTrack(track, ParticipantTestData.Day3));
    }

    private static void AssertSameTally(Tally expected, Tally actual)
    {
        Assert.Equal(
            (expected.Participants.Enrolled, expected.Participants.InModule1, expected.Participants.InModule2, expected.Participants.InModule3),
            (actual.Participants.Enrolled, actual.Participants.InModule1, actual.Participants.InModule2, actual.Participants.InModule3));
        Assert.Equal(expected.Participants.ExitsByOutcome.AsEnumerable(), actual.Participants.ExitsByOutcome.AsEnumerable());
        Assert.Equal(expected.Participants.DaysToExit, actual.Participants.DaysToExit);
        Assert.Equal(expected.Agreements.AsEnumerable(), actual.Agreements.AsEnumerable());
        Assert.Equal((expected.JobTracks.Count, expected.JobTracks.Places, expected.JobTracks.PlacesTaken), (actual.JobTracks.Count, actual.JobTracks.Places, actual.JobTracks.PlacesTaken));
        Assert.Equal((expected.YouthCovered, expected.Municipalities), (actual.YouthCovered, actual.Municipalities));
        Assert.Equal(expected.LabourMarket.Select(l => (l.MunicipalityCode, l.Version, l.LatestMonths[0].Figures)),
            actual.LabourMarket.Select(l => (l.MunicipalityCode, l.Version, l.LatestMonths[0].Figures)));
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
        // Npgsql keeps each database's pool for the whole test process: bounded, so that the pools of this class's
        // databases together stay within the test server's max_connections.
        builder.Properties[PostgresStorageConfigurator.ConnectionStringKey] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString;
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
