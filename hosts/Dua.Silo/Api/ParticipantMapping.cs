using System.Globalization;
using Dua.Domain.Participants;
using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>
/// Maps participants between the dua.v1 contract and the domain, once each way; enums by cast, as their numbers
/// are shared (pinned by EnumNumberingTests). The pseudonym stays inside the platform.
/// </summary>
public static class ParticipantMapping
{
    /// <summary>The enrolment of the person known by <paramref name="pseudonym"/>; the number itself goes no further.</summary>
    public static Enrolment MapToDomain(this V1.EnrolParticipantRequest r, string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Enrolment(r.AgreementId, pseudonym, (AgeBand)r.AgeBand, r.TargetGroups.MapToDomain(), AgreementMapping.ParseDate(r.EnrolledOn));
    }

    public static ProgressStep MapToDomain(this V1.RecordProgressRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var on = AgreementMapping.ParseDate(r.OccurredOn);
        return r.StepCase switch
        {
            V1.RecordProgressRequest.StepOneofCase.StartJobPreparation => ProgressStep.StartJobPreparation(on),
            V1.RecordProgressRequest.StepOneofCase.ChoosePath => ProgressStep.ChoosePath((PathChoice)r.ChoosePath.PathChoice, on),
            V1.RecordProgressRequest.StepOneofCase.StartJobTrack => ProgressStep.StartJobTrack(r.StartJobTrack.JobTrackId, on),
            V1.RecordProgressRequest.StepOneofCase.Exit => ProgressStep.Exit((ExitOutcome)r.Exit.Outcome, on),
            _ => throw new ArgumentException($"A step must be checked before it is mapped; {r.StepCase} is none.", nameof(r)),
        };
    }

    public static V1.Participant MapToContract(this ParticipantSnapshot p)
    {
        ArgumentNullException.ThrowIfNull(p);
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
