using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Dua.Silo.Audit;

/// <summary>
/// What a write was about: the agreement, participant (pseudonym id), municipalities, dialogue and job track it
/// named. Empty strings mean "none".
/// </summary>
public sealed record AuditTargets(
    string AgreementId,
    string ParticipantId,
    IReadOnlyList<string> MunicipalityCodes,
    string DialogueId,
    string JobTrackId)
{
    public static readonly AuditTargets None = new("", "", [], "", "");

    // Deep enough for the nested step messages (RecordProgressRequest.start_job_track) and the resources in
    // responses (EnrolParticipantResponse.participant), with a bound so a recursive message type cannot loop.
    private const int MaxDepth = 4;

    /// <summary>
    /// Reads the targets from a request and its response by field name, so the API classes need no changes:
    /// the request wins, the response fills what the request did not name (the participant an enrolment created,
    /// the agreement a creation made, the agreement a participant belongs to). Only the fields named here are
    /// read, never any other (a personal identity number in particular). Repeated messages (an agreement's job
    /// tracks, a participant's history) are not targets and are skipped.
    /// </summary>
    public static AuditTargets Of(IMessage request, IMessage? response)
    {
        var found = new Found();
        Walk(request, found, 0);
        if (response is not null)
        {
            Walk(response, found, 0);
        }

        return new AuditTargets(
            found.AgreementId, found.ParticipantId,
            [.. found.MunicipalityCodes.Order(StringComparer.Ordinal)],
            found.DialogueId, found.JobTrackId);
    }

    private static void Walk(IMessage message, Found found, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String && field.IsRepeated)
            {
                if (field.Name == "municipality_codes")
                {
                    foreach (var code in (IEnumerable<string>)field.Accessor.GetValue(message))
                    {
                        found.AddMunicipality(code);
                    }
                }
            }
            else if (field.FieldType == FieldType.String)
            {
                found.Take(field.Name, (string)field.Accessor.GetValue(message));
            }
            else if (field.FieldType == FieldType.Message && !field.IsRepeated && depth < MaxDepth
                && field.Accessor.GetValue(message) is IMessage child)
            {
                Walk(child, found, depth + 1);
            }
        }
    }

    private sealed class Found
    {
        public string AgreementId = "";
        public string ParticipantId = "";
        public string DialogueId = "";
        public string JobTrackId = "";
        public readonly HashSet<string> MunicipalityCodes = new(StringComparer.Ordinal);

        public void AddMunicipality(string code)
        {
            if (!string.IsNullOrEmpty(code))
            {
                MunicipalityCodes.Add(code);
            }
        }

        public void Take(string name, string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            switch (name)
            {
                case "agreement_id" when AgreementId == "":
                    AgreementId = value;
                    break;
                case "participant_id" when ParticipantId == "":
                    ParticipantId = value;
                    break;
                case "dialogue_id" when DialogueId == "":
                    DialogueId = value;
                    break;
                case "job_track_id" when JobTrackId == "":
                    JobTrackId = value;
                    break;
                case "municipality_code":
                    AddMunicipality(value);
                    break;
            }
        }
    }
}
