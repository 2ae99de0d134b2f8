using System.Diagnostics;
using System.Threading.Channels;
using Dua.Grains.Abstractions.Storage;
using Dua.ServiceDefaults.Observability;
using Dua.Silo.Audit;
using Dua.Silo.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace Dua.Silo.Storage;

/// <summary>
/// Group commit for the whole silo: writes from all grains (and audit records) queue here, and one loop sends all
/// that are waiting as one <see cref="NpgsqlBatch"/> in one transaction, so they share one round trip and one WAL
/// flush. While a flush runs the next batch gathers, so under load batches grow by themselves and with one writer
/// a write waits for nothing. Each write keeps its own optimistic-concurrency check inside the statement (a stale
/// one returns no row and fails alone; nothing raises an error that would abort its batch). Callers learn the
/// outcome only after PostgreSQL confirmed the commit; if the batch fails, every write in it fails with
/// <see cref="StorageUnavailableException"/>, none of it applied, and callers retry.
/// </summary>
public sealed class StateCommitter : IAsyncDisposable
{
    /// <summary>Most writes in one transaction: bounds a batch's size and a failure's reach.</summary>
    public const int MaxBatch = 256;

    // Insert at version 1, or replace the version the grain read. A write whose expected version is not the
    // stored one (or that expects no row while one exists) updates nothing and returns nothing.
    private const string WriteState = """
        INSERT INTO dua_grain_state AS s (service_id, state_name, grain_id, payload, version)
        VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (service_id, state_name, grain_id) DO UPDATE
            SET payload = excluded.payload, version = s.version + 1, modified_at = now()
            WHERE s.version = $5
        RETURNING s.version
        """;

    // The same write carrying its call's audit record: the record is inserted only when the state row was (a stale
    // write returns no row, so the record's SELECT yields none). $6.. are PostgresAuditTrail.Insert's parameters.
    private const string WriteStateWithAudit = $"""
        WITH written AS (
        {WriteState}),
        audited AS (
        {PostgresAuditTrail.InsertInto}
        SELECT $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 FROM written
        {PostgresAuditTrail.OnRetry})
        SELECT version FROM written
        """;

    // A batch serves many calls, so its span (and the SQL spans under it) hangs under the first call's trace and
    // links the others: each write's trace still reaches the commit that made it durable.
    private static readonly ActivitySource Tracing = new(PlatformTelemetry.MeterName);

    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly SiloMetrics _metrics;
    private readonly ILogger<StateCommitter> _logger;
    private readonly Task _loop;

    public StateCommitter(NpgsqlDataSource dataSource, SiloMetrics metrics, ILogger<StateCommitter> logger)
    {
        _dataSource = dataSource;
        _metrics = metrics;
        _logger = logger;
        // The loop must not inherit the first caller's execution context: its activity and Orleans' request context
        // would otherwise stick to every later batch.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues a state write; the task ends once it is committed (its new version) or refused as stale (null).</summary>
    public Task<int?> WriteAsync(StateWrite write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            write.Fail(new StorageUnavailableException("", "the silo is stopping"));
        }

        return write.Committed;
    }

    /// <summary>Queues an audit record; the task ends once it is committed (a retry's record changes nothing).</summary>
    public Task RecordAsync(AuditRecord record)
    {
        var pending = new PendingAudit(record);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Completion.TrySetException(new StorageUnavailableException("", "the silo is stopping"));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<object>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await FlushAsync(batch);
            }
            catch (Exception e)
            {
                // Nothing of the batch was committed (or its outcome is unknown: then the retry with the same
                // request id finds what was). The error names no value from a statement.
                var unavailable = StorageUnavailableException.Find(e) ?? new StorageUnavailableException("", e.GetType().Name);
                _logger.LogWarning("A group commit of {Count} writes failed: {Error}", batch.Count, unavailable.Message);
                foreach (var item in batch)
                {
                    Fail(item, unavailable);
                }
            }

            batch.Clear();
        }
    }

    private async Task FlushAsync(List<object> batch)
    {
        var origins = batch.Select(OriginOf).Where(origin => origin != default).ToList();
        using var span = Tracing.StartActivity("group commit", ActivityKind.Internal, origins.FirstOrDefault(),
            tags: [new("dua.commit.writes", batch.Count)], links: origins.Skip(1).Select(origin => new ActivityLink(origin)));
        await using var connection = await _dataSource.OpenConnectionAsync();
        // No explicit transaction: a batch is sent with one Sync at its end, so PostgreSQL runs all of it as one
        // implicit transaction and commits it before answering that Sync. That saves the COMMIT's own round trip;
        // an error in any statement still rolls back the whole batch.
        await using var command = new NpgsqlBatch(connection);
        // State writes first: each returns a result set (RETURNING), and the reader walks them in order. The audit
        // inserts after them return none, and a reader skips commands without one, so they must not sit between.
        var writes = batch.OfType<StateWrite>().ToList();
        foreach (var write in writes)
        {
            command.BatchCommands.Add(StateCommand(write));
        }

        foreach (var audit in batch.OfType<PendingAudit>())
        {
            command.BatchCommands.Add(AuditCommand(audit.Record));
        }

        var versions = new Dictionary<StateWrite, int?>(writes.Count);
        var sent = Stopwatch.GetTimestamp();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            foreach (var write in writes)
            {
                versions[write] = await reader.ReadAsync() ? reader.GetInt32(0) : null;
                await reader.NextResultAsync();
            }

            // The commit is durable only once PostgreSQL has answered the Sync, which closing the reader waits for.
        }

        var durable = Stopwatch.GetTimestamp();
        _metrics.Committed(batch.Count, Stopwatch.GetElapsedTime(sent, durable));
        foreach (var item in batch)
        {
            switch (item)
            {
                case StateWrite write:
                    _metrics.WriteDurable(Stopwatch.GetElapsedTime(write.QueuedAt, durable));
                    write.Complete(versions[write]);
                    break;
                case PendingAudit audit:
                    _metrics.WriteDurable(Stopwatch.GetElapsedTime(audit.QueuedAt, durable));
                    audit.Completion.TrySetResult();
                    break;
            }
        }
    }

    private static NpgsqlBatchCommand StateCommand(StateWrite write)
    {
        var command = new NpgsqlBatchCommand(write.Audit is null ? WriteState : WriteStateWithAudit)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = write.ServiceId },
                new NpgsqlParameter<string> { TypedValue = write.StateName },
                new NpgsqlParameter<string> { TypedValue = write.GrainId },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)write.Payload ?? DBNull.Value },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)write.ExpectedVersion ?? DBNull.Value },
            },
        };
        if (write.Audit is { } audit)
        {
            PostgresAuditTrail.Bind(command.Parameters, audit);
        }

        return command;
    }

    private static NpgsqlBatchCommand AuditCommand(AuditRecord record)
    {
        var command = new NpgsqlBatchCommand(PostgresAuditTrail.Insert);
        PostgresAuditTrail.Bind(command.Parameters, record);
        return command;
    }

    private static ActivityContext OriginOf(object item) => item switch
    {
        StateWrite write => write.Origin,
        PendingAudit audit => audit.Origin,
        _ => default,
    };

    private static void Fail(object item, Exception failure)
    {
        switch (item)
        {
            case StateWrite write:
                write.Fail(failure);
                break;
            case PendingAudit audit:
                audit.Completion.TrySetException(failure);
                break;
        }
    }

    private sealed class PendingAudit(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;

        public ActivityContext Origin { get; } = Activity.Current?.Context ?? default;

        public long QueuedAt { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
