using Dua.Contracts.V1;
using Dua.Migrations;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>A silo configured for PostgreSQL writes its trail to the table, and no personal identity number reaches the database.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class AuditPostgresSiloTests(PostgresFixture postgres)
{
    private static readonly Caller Agency = new("af-hudiksvall-system", "Arbetsförmedlingen Norra Hälsingland", Roles.Agency, [CallerArea.Parse(Hudiksvall)]);
    private static readonly Caller Operations = new("ops-on-call", "Delegationen Dua", Roles.Operations, [CallerArea.Country]);

    [Fact]
    public async Task Writes_are_in_the_table_and_the_personal_identity_number_is_in_no_table()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("audit_silo");
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var agreements = new AgreementService.AgreementServiceClient(As(silo, Agency));
        var participants = new ParticipantService.ParticipantServiceClient(As(silo, Agency));

        var (agreementId, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Hudiksvall, 2);
        var person = NewPerson();
        var enrol = Enrol(agreementId, person.Ten);
        var participantId = (await participants.EnrolParticipantAsync(enrol)).Participant.ParticipantId;
        await participants.EnrolParticipantAsync(enrol.Clone());
        await participants.RecordProgressAsync(StartJobPreparation(participantId, Day2));

        var listed = await new OperationsService.OperationsServiceClient(As(silo, Operations))
            .ListAuditEntriesAsync(new ListAuditEntriesRequest { ParticipantId = participantId });
        Assert.Equal(["RecordProgress", "EnrolParticipant"], listed.Entries.Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(enrol.RequestId, listed.Entries[1].RequestId);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(
            [
                ("/dua.v1.AgreementService/CreateAgreement", Agency.Subject, Agency.Organisation, agreementId, ""),
                ("/dua.v1.AgreementService/AddJobTrack", Agency.Subject, Agency.Organisation, agreementId, ""),
                ("/dua.v1.AgreementService/SignAgreement", Agency.Subject, Agency.Organisation, agreementId, ""),
                ("/dua.v1.ParticipantService/EnrolParticipant", Agency.Subject, Agency.Organisation, agreementId, participantId),
                ("/dua.v1.ParticipantService/RecordProgress", Agency.Subject, Agency.Organisation, agreementId, participantId),
            ],
            await AuditRowsAsync(dataSource));
        // The search finds what is there: the participant id, in two trail rows and in the grain state.
        Assert.True(await RowsHoldingAsync(dataSource, participantId) >= 3);
        foreach (var notation in person.Notations)
        {
            Assert.Equal(0L, await RowsHoldingAsync(dataSource, notation));
        }
    }

    private static CallInvoker As(AuditPostgresSilo silo, Caller caller) => silo.Channel.Intercept(headers =>
    {
        headers.Add(CallerHeaders.Credential, InMemorySiloFactory.GatewayCredential);
        foreach (var (name, value) in CallerHeaders.Of(caller))
        {
            headers.Add(name, value);
        }

        return headers;
    });

    private static async Task<List<(string, string, string, string, string)>> AuditRowsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT method, subject, organisation, coalesce(agreement_id, ''), coalesce(participant_id, '')
            FROM dua_audit_entries ORDER BY entry_id
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    // Every row of every table of the schema as text, in which binary payloads (grain state) appear as hex.
    private static async Task<long> RowsHoldingAsync(NpgsqlDataSource dataSource, string text)
    {
        await using var tables = dataSource.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        long found = 0;
        foreach (var name in names)
        {
            await using var search = dataSource.CreateCommand(
                $"SELECT count(*) FROM \"{name}\" t WHERE strpos(t::text, $1) > 0 OR strpos(t::text, encode(convert_to($1, 'UTF8'), 'hex')) > 0");
            search.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
            found += (long)(await search.ExecuteScalarAsync())!;
        }

        return found;
    }
}
