using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Model = Dua.Grains.Participants;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>Maps participants to the dua.v1 contract. The pseudonym stays inside the platform.</summary>
public static class ParticipantMapping
{
    public static V1.Participant MapToContract(this Model.ParticipantSnapshot p)
    {
        var participant = new V1.Participant
        {
            ParticipantId = p.Id,
            AgreementId = p.AgreementId,
            AgeBand = (V1.AgeBand)p.AgeBand,
            Status = (V1.ParticipantStatus)p.Status,
            CurrentModule = p.CurrentModule,
            PathChoice = (V1.PathChoice)p.PathChoice,
            JobTrackId = p.JobTrackId ?? "",
            Outcome = (V1.ExitOutcome)p.Outcome,
            Version = p.Version,
        };
        participant.TargetGroups.AddRange(p.TargetGroups.Select(g => (V1.TargetGroup)g));
        participant.History.AddRange(p.History.Select(e => new V1.ParticipantEvent
        {
            Kind = (V1.ParticipantEventKind)e.Kind,
            OccurredOn = e.OccurredOn.ToString(AgreementMapping.DateFormat, CultureInfo.InvariantCulture),
            RecordedAt = Timestamp.FromDateTimeOffset(e.RecordedAt),
            RequestId = e.RequestId,
            PathChoice = (V1.PathChoice)e.PathChoice,
            JobTrackId = e.JobTrackId ?? "",
            Outcome = (V1.ExitOutcome)e.Outcome,
        }));
        return participant;
    }
}
