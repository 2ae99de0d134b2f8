namespace Dua.Silo.Audit;

/// <summary>
/// One acknowledged write in the audit trail: who (the caller), what (the method and its targets), when (server
/// time, UTC) and under which request id. Holds only these fields, so no personal identity number can enter it.
/// </summary>
public sealed record AuditRecord(
    DateTime RecordedAt,
    string Subject,
    string Organisation,
    string Role,
    string Method,
    string RequestId,
    AuditTargets Targets);
