using Dua.Contracts.V1;
using Dua.Silo.Audit;

namespace Dua.Silo.Tests;

/// <summary>Which targets the trail takes from a write's request and response, read by field name.</summary>
public sealed class AuditTargetsTests
{
    private const string AgreementId = "21-79ecd7f1acc06f2d";
    private const string ParticipantId = AgreementId + "-p000001";
    private const string PersonalIdentityNumber = "811218-9876";

    [Fact]
    public void A_creation_takes_the_new_agreement_id_from_the_response_and_its_municipalities()
    {
        var request = new CreateAgreementRequest { RequestId = "r1", MunicipalityCodes = { "2184", "2132" } };
        var response = new CreateAgreementResponse
        {
            Agreement = new Agreement
            {
                AgreementId = AgreementId, MunicipalityCodes = { "2184", "2132" }, RegionCode = "21",
                JobTracks = { new JobTrack { JobTrackId = "t1" } },
            },
        };

        var targets = AuditTargets.Of(request, response);

        Assert.Equal(AgreementId, targets.AgreementId);
        Assert.Equal(["2132", "2184"], targets.MunicipalityCodes);
        // An agreement's job tracks are not what a creation wrote about.
        Assert.Equal("", targets.JobTrackId);
        Assert.Equal(("", ""), (targets.ParticipantId, targets.DialogueId));
    }

    [Fact]
    public void An_enrolment_takes_the_participant_from_the_response_and_never_the_personal_identity_number()
    {
        var request = new EnrolParticipantRequest { RequestId = "r2", AgreementId = AgreementId, PersonalIdentityNumber = PersonalIdentityNumber };
        var response = new EnrolParticipantResponse { Participant = new Participant { ParticipantId = ParticipantId, AgreementId = AgreementId } };

        var targets = AuditTargets.Of(request, response);

        Assert.True(AuditRecordComparer.TargetsEqual(new AuditTargets(AgreementId, ParticipantId, [], "", ""), targets), targets.ToString());
        Assert.DoesNotContain(PersonalIdentityNumber, targets.ToString());
    }

    [Fact]
    public void A_step_takes_the_job_track_from_the_nested_step_and_the_agreement_from_the_participant()
    {
        var request = new RecordProgressRequest
        {
            RequestId = "r3", ParticipantId = ParticipantId, OccurredOn = "2026-10-05",
            StartJobTrack = new RecordProgressRequest.Types.StartJobTrack { JobTrackId = "t2" },
        };
        var response = new RecordProgressResponse
        {
            Participant = new Participant
            {
                ParticipantId = ParticipantId, AgreementId = AgreementId, JobTrackId = "t2",
                History = { new ParticipantEvent { RequestId = "r0", JobTrackId = "t9" } },
            },
        };

        var targets = AuditTargets.Of(request, response);

        Assert.True(AuditRecordComparer.TargetsEqual(new AuditTargets(AgreementId, ParticipantId, [], "", "t2"), targets), targets.ToString());
    }

    [Fact]
    public void Dialogues_and_monthly_figures_name_their_dialogue_and_municipalities()
    {
        var outcome = AuditTargets.Of(
            new RecordDialogueOutcomeRequest { RequestId = "r4", DialogueId = "21-d1", MunicipalityCodes = { "2184" } },
            new RecordDialogueOutcomeResponse { Dialogue = new Dialogue { DialogueId = "21-d1", RegionCode = "21" } });
        var figures = AuditTargets.Of(
            new ReportMonthlyFiguresRequest { RequestId = "r5", MunicipalityCode = "0484" },
            new ReportMonthlyFiguresResponse { Figures = new MonthlyFigures { MunicipalityCode = "0484" } });

        Assert.Equal("21-d1", outcome.DialogueId);
        Assert.Equal(["2184"], outcome.MunicipalityCodes);
        Assert.Equal(["0484"], figures.MunicipalityCodes);
        Assert.Equal(("", ""), (figures.AgreementId, figures.DialogueId));
    }
}
