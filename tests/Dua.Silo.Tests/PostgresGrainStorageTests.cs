using Dua.Contracts.V1;
using Dua.Grains;
using Dua.Grains.Abstractions.Storage;
using Dua.Migrations;
using Dua.Security;
using Dua.Silo.Audit;
using Dua.Silo.Storage;
using Dua.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>The platform's grain storage in a real silo on a real PostgreSQL: group commit, version checks, legacy rows, failures.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresGrainStorageTests(PostgresFixture postgres)
{
    private const string StateName = "storage-test";
    private static readonly Caller Agency = new("af-hudiksvall-system", "Arbetsförmedlingen Norra Hälsingland", Roles.Agency, [CallerArea.Parse(Hudiksvall)]);

    [Fact]
    public async Task Concurrent_writes_share_commits_and_a_stale_write_fails_alone()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("storage_group_commit");
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var stale = new GrainState<Dictionary<string, int>>(new() { ["n"] = 1 });
        await storage.WriteStateAsync(StateName, Grain("stale"), stale);
        stale.ETag = "0";

        const int writes = 200;
        using var metrics = new StorageMetricsListener(silo.Services.GetRequiredService<IMeterFactory>());
        var commitsBefore = await CommitsAsync(dataSource);
        var states = Enumerable.Range(0, writes).Select(i => new GrainState<Dictionary<string, int>>(new() { ["n"] = i })).ToArray();
        // Audit records share the batches: every third write has one beside it.
        var committer = silo.Services.GetRequiredService<StateCommitter>();
        var written = states.SelectMany((state, i) => i % 3 == 0
            ? new[] { committer.RecordAsync(Audit($"audit-{i}")), storage.WriteStateAsync(StateName, Grain($"g{i}"), state) }
            : [storage.WriteStateAsync(StateName, Grain($"g{i}"), state)]).ToList();
        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("stale"), stale));
        await Task.WhenAll(written);
        await refused;
        var commits = await CommitsAsync(dataSource) - commitsBefore - 1;

        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.Equal((long)writes, await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM dua_grain_state WHERE state_name = '{StateName}' AND grain_id LIKE '%/g%'"));
        // The refused write changed nothing: its row is still at the version the first write gave it.
        Assert.Equal(1, await ScalarAsync<int>(dataSource, $"SELECT version FROM dua_grain_state WHERE state_name = '{StateName}' AND grain_id LIKE '%/stale'"));
        Assert.Equal((long)(writes + 2) / 3, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM dua_audit_entries WHERE request_id LIKE 'audit-%'"));
        Assert.True(commits < writes / 4, $"{writes} concurrent writes took {commits} commits");

        // The commit's metrics tell operators the same: every queued write and record counted once in a commit's
        // size and once with its own wait, in commits that carried many (the silo's own start-up writes may add).
        var queued = writes + (writes + 2) / 3 + 1;
        Assert.True(metrics.Of("dua.storage.commit.writes").Sum() >= queued, $"commit sizes sum to {metrics.Of("dua.storage.commit.writes").Sum()}, {queued} queued");
        Assert.True(metrics.Of("dua.storage.write.duration").Count >= queued);
        Assert.True(metrics.Of("dua.storage.commit.writes").Max() > 1, "no commit carried more than one write");
        Assert.NotEmpty(metrics.Of("dua.storage.commit.duration"));
        Assert.All(metrics.Of("dua.storage.commit.duration"), seconds => Assert.InRange(seconds, 0, 60));

        var read = new GrainState<Dictionary<string, int>>();
        await storage.ReadStateAsync(StateName, Grain("g7"), read);
        Assert.Equal(7, read.State!["n"]);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_batch_with_one_failing_statement_applies_none_of_its_writes_and_fails_them_all()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("storage_failed_batch");
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);
        var committer = silo.Services.GetRequiredService<StateCommitter>();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await storage.WriteStateAsync(StateName, Grain("blocker"), new GrainState<Dictionary<string, int>>(new() { ["n"] = 0 }));
        // A write to the "poison" grain raises an error inside PostgreSQL, in the middle of its batch.
        await ExecuteAsync(dataSource, """
            CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.grain_id LIKE '%/poison' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON dua_grain_state FOR EACH ROW EXECUTE FUNCTION refuse_poison();
            """);

        // Hold one batch on a row lock, so that the writes queued meanwhile all go together in the next batch.
        await using var locker = await dataSource.OpenConnectionAsync();
        await using var lockHeld = await locker.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT 1 FROM dua_grain_state WHERE grain_id LIKE '%/blocker' FOR UPDATE", locker, lockHeld))
        {
            await take.ExecuteNonQueryAsync();
        }

        var held = storage.WriteStateAsync(StateName, Grain("blocker"), new GrainState<Dictionary<string, int>>(new() { ["n"] = 1 }) { ETag = "1" });
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the first batch waiting on the row lock", async () =>
            await ScalarAsync<long>(dataSource, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0);
        // Writes before the failing one and after it, and an audit record.
        var writes = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            if (i == 10)
            {
                writes.Add(storage.WriteStateAsync(StateName, Grain("poison"), new GrainState<Dictionary<string, int>>(new() { ["n"] = -1 })));
            }

            writes.Add(storage.WriteStateAsync(StateName, Grain($"g{i}"), new GrainState<Dictionary<string, int>>(new() { ["n"] = i })));
        }

        writes.Add(committer.RecordAsync(Audit("audit-in-failed-batch")));
        await lockHeld.RollbackAsync();

        await held;
        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => write);
        }

        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM dua_grain_state WHERE grain_id LIKE '%/g%' OR grain_id LIKE '%/poison'"));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM dua_audit_entries WHERE request_id = 'audit-in-failed-batch'"));
        // The callers' retries, without the poison, succeed.
        await storage.WriteStateAsync(StateName, Grain("g0"), new GrainState<Dictionary<string, int>>(new() { ["n"] = 0 }));
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM dua_grain_state WHERE grain_id LIKE '%/g0'"));
    }

    [Fact]
    public async Task State_written_by_the_previous_release_is_read_back_and_moved_on_its_next_write()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("storage_legacy");
        await DuaSchema.ApplyAsync(connectionString);

        // The previous release wrote grain state with Orleans' ADO.NET provider into orleansstorage; the silo keeps
        // that provider, with the same serializer and SQL, for reading it.
        await using (var previous = new AuditPostgresSilo(connectionString))
        {
            await previous.StartAsync();
            var legacy = previous.Services.GetRequiredKeyedService<IGrainStorage>(PostgresGrainStorage.LegacyName);
            await legacy.WriteStateAsync(StateName, Grain("old"), new GrainState<Dictionary<string, int>>(new() { ["n"] = 41 }));
            await legacy.WriteStateAsync(StateName, Grain("raced"), new GrainState<Dictionary<string, int>>(new() { ["n"] = 1 }));
        }

        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Platform);

        var old = new GrainState<Dictionary<string, int>>();
        await storage.ReadStateAsync(StateName, Grain("old"), old);
        Assert.True(old.RecordExists);
        Assert.Equal(41, old.State!["n"]);

        old.State!["n"] = 42;
        await storage.WriteStateAsync(StateName, Grain("old"), old);
        var again = new GrainState<Dictionary<string, int>>();
        await storage.ReadStateAsync(StateName, Grain("old"), again);
        Assert.Equal(42, again.State!["n"]);
        Assert.Equal(old.ETag, again.ETag);

        // Two activations that both read the legacy row: the first write wins, the second is stale.
        var first = new GrainState<Dictionary<string, int>>();
        var second = new GrainState<Dictionary<string, int>>();
        await storage.ReadStateAsync(StateName, Grain("raced"), first);
        await storage.ReadStateAsync(StateName, Grain("raced"), second);
        await storage.WriteStateAsync(StateName, Grain("raced"), first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("raced"), second));
    }

    [Fact]
    public async Task A_database_that_refuses_connections_answers_writes_unavailable_and_they_succeed_after()
    {
        const string database = "storage_refusing";
        var connectionString = await postgres.Server.CreateDatabaseAsync(database);
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var agreements = new AgreementService.AgreementServiceClient(As(silo, Agency));
        var participants = new ParticipantService.ParticipantServiceClient(As(silo, Agency));
        var (agreementId, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Hudiksvall, 2);
        var enrol = Enrol(agreementId, NewPerson().Ten);

        await using var admin = NpgsqlDataSource.Create(postgres.Server.ConnectionString);
        await ExecuteAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        try
        {
            var e = await Assert.ThrowsAsync<RpcException>(async () => await participants.EnrolParticipantAsync(enrol));
            Assert.Equal(StatusCode.Unavailable, e.StatusCode);
            Assert.Contains("Storage unavailable", e.Status.Detail);
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }

        // The client's retry with the same request id succeeds once the database is back, and applies it once.
        EnrolParticipantResponse? enrolled = null;
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(30), "the retried enrolment succeeding", async () =>
        {
            try
            {
                enrolled = await participants.EnrolParticipantAsync(enrol.Clone());
                return true;
            }
            catch (RpcException retry) when (retry.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        });
        var repeated = await participants.EnrolParticipantAsync(enrol.Clone());
        Assert.Equal(enrolled!.Participant.ParticipantId, repeated.Participant.ParticipantId);
    }

    [Fact]
    public async Task A_participant_write_and_its_audit_record_are_one_transaction()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("storage_audit_ride");
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var agreements = new AgreementService.AgreementServiceClient(As(silo, Agency));
        var participants = new ParticipantService.ParticipantServiceClient(As(silo, Agency));
        var (agreementId, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Hudiksvall, 2);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var enrol = Enrol(agreementId, NewPerson().Ten);
        var participantId = (await participants.EnrolParticipantAsync(enrol)).Participant.ParticipantId;
        var enrolledIn = await TransactionOfAsync(dataSource, participantId, enrol.RequestId);
        var step = StartJobPreparation(participantId, Day2);
        await participants.RecordProgressAsync(step);
        var steppedIn = await TransactionOfAsync(dataSource, participantId, step.RequestId);
        // A retry applies nothing and records nothing more.
        await participants.RecordProgressAsync(step.Clone());

        // The same transaction wrote the participant's state and the call's record (the row's xmin is the
        // transaction that wrote it), each time; and the record names what the call was about.
        Assert.Equal(enrolledIn.Record, enrolledIn.State);
        Assert.Equal(steppedIn.Record, steppedIn.State);
        Assert.NotEqual(enrolledIn.State, steppedIn.State);
        Assert.Equal(2L, await ScalarAsync<long>(dataSource, $"SELECT count(*) FROM dua_audit_entries WHERE participant_id = '{participantId}' AND agreement_id = '{agreementId}'"));
    }

    // The transaction ids that last wrote the participant's state row and that wrote the call's audit record.
    private static async Task<(long State, long Record)> TransactionOfAsync(NpgsqlDataSource dataSource, string participantId, string requestId) => (
        await ScalarAsync<long>(dataSource, $"SELECT xmin::text::bigint FROM dua_grain_state WHERE state_name = 'participant' AND grain_id LIKE '%participant-{participantId}'"),
        await ScalarAsync<long>(dataSource, $"SELECT xmin::text::bigint FROM dua_audit_entries WHERE request_id = '{requestId}'"));

    [Fact]
    public async Task A_storage_failure_crosses_silos_as_itself()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("storage_codec");
        await DuaSchema.ApplyAsync(connectionString);
        await using var silo = new AuditPostgresSilo(connectionString);
        await silo.StartAsync();
        var serializer = silo.Services.GetRequiredService<Serializer>();
        var failure = StorageUnavailableException.Find(new OrleansException("Error from storage provider during WriteStateAsync",
            new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")))!;

        var copy = Assert.IsType<StorageUnavailableException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(failure)));

        Assert.Equal("57P03", copy.SqlState);
        Assert.Equal(failure.Message, copy.Message);
        Assert.DoesNotContain("starting up", copy.Message);

        // A stale write (another activation wrote first) is retryable too, not an unmapped error.
        var stale = StorageUnavailableException.Find(new OrleansException("Error from storage provider during WriteStateAsync",
            new InconsistentStateException("The participant state of participant/x was written by someone else since it was read.", "2", "1")));
        Assert.NotNull(stale);
        Assert.DoesNotContain("participant/x", stale.Message);
    }

    private static AuditRecord Audit(string requestId) =>
        new(DateTime.UtcNow, Agency.Subject, Agency.Organisation, Agency.Role, "/dua.v1.ParticipantService/RecordProgress", requestId,
            new AuditTargets("21-0000000000000001", "", [], "", ""));

    private static GrainId Grain(string key) => GrainId.Create("storage-test", key);

    private static CallInvoker As(AuditPostgresSilo silo, Caller caller) => silo.Channel.Intercept(headers =>
    {
        headers.Add(CallerHeaders.Credential, InMemorySiloFactory.GatewayCredential);
        foreach (var (name, value) in CallerHeaders.Of(caller))
        {
            headers.Add(name, value);
        }

        return headers;
    });

    // Transactions that wrote anything, counted by the transaction ids they took (this query takes one itself).
    // Exact, unlike pg_stat_database, whose counters backends publish up to a second late.
    private static Task<long> CommitsAsync(NpgsqlDataSource dataSource) => ScalarAsync<long>(dataSource, "SELECT txid_current()");

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<T>(0);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
