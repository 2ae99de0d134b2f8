namespace Dua.Silo.Audit;

/// <summary>What the trail is read by.</summary>
public enum AuditTargetKind
{
    Agreement,
    Participant,
}

/// <summary>
/// One page of the trail of an agreement or a participant, newest first: the entries recorded before
/// <paramref name="BeforeEntryId"/> (the continuation point; null for the first page), at most <paramref name="Limit"/>.
/// </summary>
public sealed record AuditQuery(AuditTargetKind Kind, string Id, long? BeforeEntryId, int Limit);

/// <summary>A page of the trail with the continuation point for the next one (null when this was the last).</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, long? NextBeforeEntryId);
