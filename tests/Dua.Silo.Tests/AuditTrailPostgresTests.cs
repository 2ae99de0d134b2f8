using System.Diagnostics.Metrics;
using Dua.Contracts.V1;
using Dua.Migrations;
using Dua.Security;
using Dua.Silo.Audit;
using Dua.Silo.Security;
using Dua.Silo.Storage;
using Dua.Testing.Requests;
using Dua.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Dua.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dua.Silo.Tests;

/// <summary>The audit trail on a real PostgreSQL with the project's schema, and the interceptor that writes it.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class AuditTrailPostgresTests(PostgresFixture postgres)
{
    private const string EnrolMethod = "/dua.v1.ParticipantService/EnrolParticipant";
    private const string ProgressMethod = "/dua.v1.ParticipantService/RecordProgress";
    private static readonly DateTime Noon = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Caller Agency = new("agency-system-7", "Arbetsförmedlingen Hudiksvall", Roles.Agency, [CallerArea.Parse("2184")]);

    [Fact]
    public async Task A_record_reads_back_whole_and_a_retry_by_the_same_caller_is_the_same_record()
    {
        await using var dataSource = await MigratedAsync("audit_record");
        var trail = Trail(dataSource);
        var record = new AuditRecord(Noon, "agency-system-7", "Arbetsförmedlingen Hudiksvall", Roles.Agency, EnrolMethod, "req-1",
            new AuditTargets("21-79ecd7f1acc06f2d", "21-79ecd7f1acc06f2d-p000001", ["2184", "2132"], "", "t1"));

        await trail.RecordAsync(record, CancellationToken.None);
        await trail.RecordAsync(record with { RecordedAt = Noon.AddSeconds(5) }, CancellationToken.None);
        // The same request id from another caller, or for another method, is another write.
        await trail.RecordAsync(record with { Subject = "agency-system-8" }, CancellationToken.None);
        await trail.RecordAsync(record with { Method = ProgressMethod }, CancellationToken.None);

        var page = await trail.ListAsync(new AuditQuery(AuditTargetKind.Participant, "21-79ecd7f1acc06f2d-p000001", null, 10), CancellationToken.None);
        Assert.Equal(3, await CountAsync(dataSource));
        Assert.Null(page.NextBeforeEntryId);
        Assert.Equal(
            [record with { Method = ProgressMethod }, record with { Subject = "agency-system-8" }, record],
            page.Records, AuditRecordComparer.Instance);
    }

    [Fact]
    public async Task The_trail_of_an_agreement_or_a_participant_pages_newest_first_without_gaps_or_repeats()
    {
        await using var dataSource = await MigratedAsync("audit_paging");
        var trail = Trail(dataSource);
        const string agreement = "21-0000000000000001";
        const string other = "04-0000000000000002";
        for (var i = 0; i < 7; i++)
        {
            await trail.RecordAsync(Write($"a-{i}", agreement, $"{agreement}-p00000{i % 2 + 1}"), CancellationToken.None);
            await trail.RecordAsync(Write($"b-{i}", other, ""), CancellationToken.None);
        }

        var byAgreement = await AllPagesAsync(trail, AuditTargetKind.Agreement, agreement, 3);
        var byParticipant = await AllPagesAsync(trail, AuditTargetKind.Participant, $"{agreement}-p000001", 3);

        Assert.Equal([3, 3, 1], byAgreement.Select(p => p.Count));
        Assert.Equal(["a-6", "a-5", "a-4", "a-3", "a-2", "a-1", "a-0"], byAgreement.SelectMany(p => p).Select(r => r.RequestId));
        Assert.Equal([3, 1], byParticipant.Select(p => p.Count));
        Assert.Equal(["a-6", "a-4", "a-2", "a-0"], byParticipant.SelectMany(p => p).Select(r => r.RequestId));
        Assert.Empty((await trail.ListAsync(new AuditQuery(AuditTargetKind.Participant, "", null, 10), CancellationToken.None)).Records);
    }

    [Fact]
    public async Task The_interceptor_records_a_successful_write_with_its_caller_and_never_the_personal_identity_number()
    {
        await using var dataSource = await MigratedAsync("audit_interceptor");
        var interceptor = new AuditInterceptor(Trail(dataSource), new AuditRides(), TimeProvider.System, NullLogger<AuditInterceptor>.Instance);
        var person = ParticipantRequests.NewPerson();
        var request = new EnrolParticipantRequest { RequestId = "enrol-1", AgreementId = "21-79ecd7f1acc06f2d", PersonalIdentityNumber = person.Ten };
        var response = new EnrolParticipantResponse { Participant = new Participant { ParticipantId = "21-79ecd7f1acc06f2d-p000001", AgreementId = "21-79ecd7f1acc06f2d" } };

        var before = DateTime.UtcNow;
        var answered = await Admitted(interceptor, request, CallFrom(Agency, EnrolMethod), (_, _) => Task.FromResult(response));
        // A refused write is not recorded.
        await Assert.ThrowsAsync<RpcException>(() => Admitted<EnrolParticipantRequest, EnrolParticipantResponse>(interceptor,
            new EnrolParticipantRequest { RequestId = "enrol-2", PersonalIdentityNumber = person.Ten },
            CallFrom(Agency, EnrolMethod),
            (_, _) => throw new RpcException(new Status(StatusCode.FailedPrecondition, "refused"))));
        // A read (no request_id) is not recorded either.
        await Admitted(interceptor, new GetParticipantRequest { ParticipantId = "21-79ecd7f1acc06f2d-p000001" },
            CallFrom(Agency, "/dua.v1.ParticipantService/GetParticipant"), (_, _) => Task.FromResult(new GetParticipantResponse()));

        Assert.Same(response, answered);
        var record = Assert.Single((await Trail(dataSource).ListAsync(
            new AuditQuery(AuditTargetKind.Agreement, "21-79ecd7f1acc06f2d", null, 10), CancellationToken.None)).Records);
        Assert.Equal((Agency.Subject, Agency.Organisation, Agency.Role, EnrolMethod, "enrol-1"),
            (record.Subject, record.Organisation, record.Role, record.Method, record.RequestId));
        Assert.Equal("21-79ecd7f1acc06f2d-p000001", record.Targets.ParticipantId);
        Assert.InRange(record.RecordedAt, before.AddSeconds(-1), DateTime.UtcNow.AddSeconds(1));
        var table = await RowsAsTextAsync(dataSource);
        Assert.All(person.Notations, notation => Assert.DoesNotContain(notation, table));
    }

    [Fact]
    public async Task A_write_whose_record_cannot_be_stored_fails_unavailable()
    {
        // A database without the schema: the insert fails, as it would with PostgreSQL unreachable.
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync("audit_no_schema"));
        var interceptor = new AuditInterceptor(Trail(dataSource), new AuditRides(), TimeProvider.System, NullLogger<AuditInterceptor>.Instance);

        var e = await RpcAssert.FailsWith(StatusCode.Unavailable, () => Admitted(interceptor,
            new SignAgreementRequest { RequestId = "sign-1", AgreementId = "21-79ecd7f1acc06f2d" }, CallFrom(Agency, "/dua.v1.AgreementService/SignAgreement"),
            (_, _) => Task.FromResult(new SignAgreementResponse())));

        Assert.Contains("request_id", e.Status.Detail);
    }

    // The committer's loop ends with the test process; each test's data source is its own database.
    private static PostgresAuditTrail Trail(NpgsqlDataSource dataSource) =>
        new(dataSource, new StateCommitter(dataSource, new SiloMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
            NullLogger<StateCommitter>.Instance));

    private async Task<NpgsqlDataSource> MigratedAsync(string database)
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(database);
        await DuaSchema.ApplyAsync(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }

    private static AuditRecord Write(string requestId, string agreementId, string participantId) =>
        new(Noon, "agency-system-7", "Arbetsförmedlingen", Roles.Agency, ProgressMethod, requestId,
            new AuditTargets(agreementId, participantId, [], "", ""));

    private static async Task<List<IReadOnlyList<AuditRecord>>> AllPagesAsync(IAuditTrail trail, AuditTargetKind kind, string id, int limit)
    {
        var pages = new List<IReadOnlyList<AuditRecord>>();
        long? before = null;
        do
        {
            var page = await trail.ListAsync(new AuditQuery(kind, id, before, limit), CancellationToken.None);
            pages.Add(page.Records);
            before = page.NextBeforeEntryId;
        }
        while (before is not null && pages.Count < 10);

        return pages;
    }

    // As the silo runs it: behind the credential check, which admits the caller the audit interceptor records.
    private static Task<TResponse> Admitted<TRequest, TResponse>(
        AuditInterceptor audit, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class =>
        new GatewayCallInterceptor(Options.Create(new SiloSecurityOptions { GatewayCredential = InMemorySiloFactory.GatewayCredential }))
            .UnaryServerHandler(request, context, (admitted, call) => audit.UnaryServerHandler(admitted, call, handler));

    private static FakeServerCallContext CallFrom(Caller caller, string method)
    {
        var context = new FakeServerCallContext(method);
        foreach (var (name, value) in CallerHeaders.ForSilo(caller, InMemorySiloFactory.GatewayCredential))
        {
            context.RequestHeaders.Add(name, value);
        }

        return context;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM dua_audit_entries");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> RowsAsTextAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(string_agg(e::text, E'\\n'), '') FROM dua_audit_entries e");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
