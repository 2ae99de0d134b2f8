using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Silo.Audit;

/// <summary>
/// A write call's audit record on its way to the grain write that acknowledges the call, in Orleans' request
/// context (so it reaches that grain on whichever silo it lives). <see cref="AcknowledgedBy"/> names the grains, by
/// key prefix, whose write carries the record; the storage adds what the grain's key says (the participant or
/// agreement it is). Holds the record's fields only: no personal identity number.
/// </summary>
[GenerateSerializer, Alias("dua.AuditStamp")]
public sealed record AuditStamp(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string AcknowledgedBy,
    [property: Id(2)] DateTime RecordedAt,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Organisation,
    [property: Id(5)] string Role,
    [property: Id(6)] string Method,
    [property: Id(7)] string RequestId,
    [property: Id(8)] string AgreementId,
    [property: Id(9)] string ParticipantId,
    [property: Id(10)] string[] MunicipalityCodes,
    [property: Id(11)] string DialogueId,
    [property: Id(12)] string JobTrackId)
{
    /// <summary>The request-context key it travels under.</summary>
    public const string Key = "dua-audit";

    public static AuditStamp Of(AuditRecord record, string acknowledgedBy) => new(
        Guid.NewGuid(), acknowledgedBy, record.RecordedAt, record.Subject, record.Organisation, record.Role, record.Method, record.RequestId,
        record.Targets.AgreementId, record.Targets.ParticipantId, [.. record.Targets.MunicipalityCodes], record.Targets.DialogueId, record.Targets.JobTrackId);

    /// <summary>The record as the acknowledging grain's write stores it: the grain's key fills the target it names.</summary>
    public AuditRecord RecordFor(string grainKey)
    {
        var participantId = ParticipantId;
        var agreementId = AgreementId;
        if (grainKey.StartsWith(GrainKeys.ParticipantPrefix, StringComparison.Ordinal))
        {
            participantId = participantId.Length > 0 ? participantId : grainKey[GrainKeys.ParticipantPrefix.Length..];
            agreementId = agreementId.Length > 0 ? agreementId : ParticipantIdFormat.AgreementOf(participantId);
        }
        else if (grainKey.StartsWith(GrainKeys.AgreementPrefix, StringComparison.Ordinal) && agreementId.Length == 0)
        {
            agreementId = grainKey[GrainKeys.AgreementPrefix.Length..];
        }

        return new AuditRecord(RecordedAt, Subject, Organisation, Role, Method, RequestId,
            new AuditTargets(agreementId, participantId, MunicipalityCodes, DialogueId, JobTrackId));
    }
}
