namespace Dua.Silo.Audit;

/// <summary>The trail in process memory, lost on exit: for the explicit demo flag and tests (Silo:Storage Memory).</summary>
public sealed class MemoryAuditTrail : IAuditTrail
{
    private readonly Lock _lock = new();
    private readonly List<AuditRecord> _records = [];
    private readonly HashSet<(string Method, string RequestId, string Subject)> _keys = [];

    public Task RecordAsync(AuditRecord record, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_keys.Add((record.Method, record.RequestId, record.Subject)))
            {
                _records.Add(record);
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct)
    {
        lock (_lock)
        {
            // The entry id is the position in the list plus one, as an identity column would number them.
            var start = (int)Math.Min(query.BeforeEntryId ?? long.MaxValue, _records.Count + 1L) - 2;
            var page = new List<AuditRecord>();
            long? next = null;
            for (var index = start; index >= 0; index--)
            {
                if (!Matches(_records[index], query))
                {
                    continue;
                }

                if (page.Count == query.Limit)
                {
                    next = index + 2L;
                    break;
                }

                page.Add(_records[index]);
            }

            return Task.FromResult(new AuditPage(page, next));
        }
    }

    private static bool Matches(AuditRecord record, AuditQuery query) => query.Kind switch
    {
        AuditTargetKind.Agreement => record.Targets.AgreementId == query.Id,
        _ => record.Targets.ParticipantId == query.Id,
    };
}
