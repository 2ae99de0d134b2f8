namespace Dua.Silo.Audit;

/// <summary>Where acknowledged writes are recorded and read back.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Records a write durably. A record with the same method, request id and subject as an earlier one is a
    /// retry of the same write and changes nothing. Throws when the record could not be stored.
    /// </summary>
    Task RecordAsync(AuditRecord record, CancellationToken ct);

    Task<AuditPage> ListAsync(AuditQuery query, CancellationToken ct);
}
