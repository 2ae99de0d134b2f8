using Dua.Silo.Audit;

namespace Dua.Silo.Tests;

/// <summary>Records are equal when every field is, the municipality codes compared as sequences.</summary>
internal sealed class AuditRecordComparer : IEqualityComparer<AuditRecord>
{
    public static readonly AuditRecordComparer Instance = new();

    public bool Equals(AuditRecord? x, AuditRecord? y) =>
        x is not null && y is not null
        && (x.RecordedAt, x.Subject, x.Organisation, x.Role, x.Method, x.RequestId) == (y.RecordedAt, y.Subject, y.Organisation, y.Role, y.Method, y.RequestId)
        && TargetsEqual(x.Targets, y.Targets);

    public int GetHashCode(AuditRecord obj) => HashCode.Combine(obj.Method, obj.RequestId, obj.Subject);

    public static bool TargetsEqual(AuditTargets x, AuditTargets y) =>
        (x.AgreementId, x.ParticipantId, x.DialogueId, x.JobTrackId) == (y.AgreementId, y.ParticipantId, y.DialogueId, y.JobTrackId)
        && x.MunicipalityCodes.SequenceEqual(y.MunicipalityCodes);
}
