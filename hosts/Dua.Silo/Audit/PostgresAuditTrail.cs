using Npgsql;
using NpgsqlTypes;
using Dua.Silo.Storage;

namespace Dua.Silo.Audit;

/// <summary>
/// The trail in PostgreSQL (table <c>dua_audit_entries</c>, created by the migrations). Records are written through
/// the silo's group commit, so they share a transaction and a WAL flush with the grain writes around them.
/// </summary>
public sealed class PostgresAuditTrail(NpgsqlDataSource dataSource, StateCommitter committer) : IAuditTrail
{
    /// <summary>The table and columns a record is inserted into, in <see cref="Bind"/>'s order.</summary>
    internal const string InsertInto = """
        INSERT INTO dua_audit_entries
            (recorded_at, subject, organisation, role, method, request_id,
             agreement_id, participant_id, municipality_codes, dialogue_id, job_track_id)
        """;

    /// <summary>A retry's record (same method, request id and caller) changes nothing.</summary>
    internal const string OnRetry = "ON CONFLICT (method, request_id, subject) DO NOTHING";

    internal const string Insert = $"""
        {InsertInto}
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        {OnRetry}
        """;

    private const string Columns = """
        entry_id, recorded_at, subject, organisation, role, method, request_id,
        agreement_id, participant_id, municipality_codes, dialogue_id, job_track_id
        """;

    // One text per target, so each query matches its partial index.
    private const string ByAgreement = $"""
        SELECT {Columns} FROM dua_audit_entries
        WHERE agreement_id = $1 AND entry_id < $2 ORDER BY entry_id DESC LIMIT $3
        """;

    private const string ByParticipant = $"""
        SELECT {Columns} FROM dua_audit_entries
        WHERE participant_id = $1 AND entry_id < $2 ORDER BY entry_id DESC LIMIT $3
        """;

    public Task RecordAsync(AuditRecord record, CancellationToken ct) => committer.RecordAsync(record).WaitAsync(ct);

    /// <summary>The parameters of <see cref="Insert"/> for one record.</summary>
    internal static void Bind(NpgsqlParameterCollection parameters, AuditRecord record)
    {
        parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = record.RecordedAt });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Subject });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Organisation });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Role });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Method });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.RequestId });
        parameters.Add(Optional(record.Targets.AgreementId));
        parameters.Add(Optional(record.Targets.ParticipantId));
        parameters.Add(new NpgsqlParameter<string[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = [.. record.Targets.MunicipalityCodes] });
        parameters.Add(Optional(record.Targets.DialogueId));
        parameters.Add(Optional(record.Targets.JobTrackId));
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(query.Kind == AuditTargetKind.Agreement ? ByAgreement : ByParticipant);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.Id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = query.BeforeEntryId ?? long.MaxValue });
        // One more than asked, to know whether another page follows.
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 });

        var records = new List<AuditRecord>();
        long? next = null;
        long lastId = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (records.Count == query.Limit)
            {
                next = lastId;
                break;
            }

            lastId = reader.GetInt64(0);
            records.Add(new AuditRecord(
                RecordedAt: reader.GetFieldValue<DateTime>(1),
                Subject: reader.GetString(2),
                Organisation: reader.GetString(3),
                Role: reader.GetString(4),
                Method: reader.GetString(5),
                RequestId: reader.GetString(6),
                Targets: new AuditTargets(
                    AgreementId: OptionalText(reader, 7),
                    ParticipantId: OptionalText(reader, 8),
                    MunicipalityCodes: reader.GetFieldValue<string[]>(9),
                    DialogueId: OptionalText(reader, 10),
                    JobTrackId: OptionalText(reader, 11))));
        }

        return new AuditPage(records, next);
    }

    // "No target" is NULL in the table, so the partial indexes hold only entries that name one.
    private static NpgsqlParameter Optional(string value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = string.IsNullOrEmpty(value) ? DBNull.Value : value };

    private static string OptionalText(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
