using Dua.Contracts.V1;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>Turns planned steps into RecordProgress requests.</summary>
public static class StepRequests
{
    public static RecordProgressRequest For(string requestId, string participantId, StepKind kind, DateOnly on,
        PathChoice path = PathChoice.Unspecified, string? jobTrackId = null, ExitOutcome outcome = ExitOutcome.Unspecified)
    {
        var request = new RecordProgressRequest { RequestId = requestId, ParticipantId = participantId, OccurredOn = DataSetPlan.Iso(on) };
        switch (kind)
        {
            case StepKind.StartJobPreparation:
                request.StartJobPreparation = new RecordProgressRequest.Types.StartJobPreparation();
                break;
            case StepKind.ChoosePath:
                request.ChoosePath = new RecordProgressRequest.Types.ChoosePath { PathChoice = path };
                break;
            case StepKind.StartJobTrack:
                request.StartJobTrack = new RecordProgressRequest.Types.StartJobTrack { JobTrackId = jobTrackId ?? throw new ArgumentNullException(nameof(jobTrackId)) };
                break;
            case StepKind.Exit:
                request.Exit = new RecordProgressRequest.Types.Exit { Outcome = outcome };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a step");
        }

        return request;
    }

    /// <summary>The enrolment of a planned participant, with the plan's request id.</summary>
    public static EnrolParticipantRequest Enrolment(DataSetPlan plan, ParticipantPlan participant, string agreementId) => new()
    {
        RequestId = plan.Ids.Enrol(participant.Index),
        AgreementId = agreementId,
        PersonalIdentityNumber = participant.Person.PersonalIdentityNumber,
        AgeBand = participant.AgeBand,
        TargetGroups = { participant.TargetGroups },
        EnrolledOn = DataSetPlan.Iso(participant.EnrolledOn),
    };

    public static string Name(StepKind kind) => kind switch
    {
        StepKind.StartJobPreparation => "start_job_preparation",
        StepKind.ChoosePath => "choose_path",
        StepKind.StartJobTrack => "start_job_track",
        _ => "exit",
    };
}
