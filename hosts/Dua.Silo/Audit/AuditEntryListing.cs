using Dua.Contracts.V1;
using Dua.Silo.Api;
using Google.Protobuf.WellKnownTypes;

namespace Dua.Silo.Audit;

/// <summary>dua.v1.OperationsService.ListAuditEntries: validates the filter and paging, reads the trail, maps it.</summary>
public sealed class AuditEntryListing(IAuditTrail trail)
{
    public async Task<ListAuditEntriesResponse> ListAsync(ListAuditEntriesRequest request, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var (kind, id) = Filter(request, validator);
        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var filter = $"{kind}:{id}";
        var before = PageToken.Decode(request.PageToken, filter, IsEntryId, validator);
        validator.ThrowIfInvalid();

        var page = await trail.ListAsync(new AuditQuery(kind, id, before is null ? null : long.Parse(before), pageSize), ct);
        var response = new ListAuditEntriesResponse();
        response.Entries.AddRange(page.Records.Select(ToContract));
        if (page.NextBeforeEntryId is { } next)
        {
            response.NextPageToken = new PageToken(filter, next.ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode();
        }

        return response;
    }

    private static (AuditTargetKind Kind, string Id) Filter(ListAuditEntriesRequest request, RequestValidator validator)
    {
        var byAgreement = request.AgreementId.Length > 0;
        var byParticipant = request.ParticipantId.Length > 0;
        if (byAgreement == byParticipant)
        {
            validator.Add(byAgreement ? "participant_id" : "agreement_id",
                "exactly one of agreement_id and participant_id is required");
        }
        else if (byAgreement && !AgreementValidation.IsAgreementId(request.AgreementId))
        {
            validator.RequireAgreementId(request.AgreementId);
        }
        else if (byParticipant && !ParticipantApi.IsParticipantId(request.ParticipantId))
        {
            validator.Add("participant_id", "must be a participant id such as \"21-5f3c9a1e2b7d4c08-p000001\"");
        }

        return byParticipant ? (AuditTargetKind.Participant, request.ParticipantId) : (AuditTargetKind.Agreement, request.AgreementId);
    }

    private static bool IsEntryId(string key) =>
        long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0;

    private static AuditEntry ToContract(AuditRecord record)
    {
        var entry = new AuditEntry
        {
            RecordedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(record.RecordedAt, DateTimeKind.Utc)),
            Subject = record.Subject,
            Organisation = record.Organisation,
            Role = record.Role,
            Method = record.Method,
            RequestId = record.RequestId,
            AgreementId = record.Targets.AgreementId,
            ParticipantId = record.Targets.ParticipantId,
            DialogueId = record.Targets.DialogueId,
            JobTrackId = record.Targets.JobTrackId,
        };
        entry.MunicipalityCodes.AddRange(record.Targets.MunicipalityCodes);
        return entry;
    }
}
