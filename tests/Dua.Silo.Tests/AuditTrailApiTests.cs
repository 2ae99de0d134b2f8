using Dua.Contracts.V1;
using Dua.Security;
using Dua.Testing.Requests;
using Dua.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// The audit trail through the API on the in-memory silo: writes recorded with the caller the gateway named,
/// read back by operations with OperationsService.ListAuditEntries.
/// </summary>
public sealed class AuditTrailApiTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private static readonly Caller HudiksvallAgency = new("af-hudiksvall-system", "Arbetsförmedlingen Norra Hälsingland", Roles.Agency, [CallerArea.Parse(AgreementRequests.Hudiksvall)]);
    private static readonly Caller GavleborgAgency = new("region-gavleborg-system", "Region Gävleborg", Roles.Agency, [CallerArea.Parse(AgreementRequests.Gavleborg)]);
    private static readonly Caller CountryAgency = new("af-national-system", "Arbetsförmedlingen", Roles.Agency, [CallerArea.Country]);
    private static readonly Caller OperationsCaller = new("ops-on-call", "Delegationen Dua", Roles.Operations, [CallerArea.Country]);

    private const string Agreements = "/dua.v1.AgreementService/";
    private const string Participants = "/dua.v1.ParticipantService/";

    [Fact]
    public async Task Each_write_is_in_the_trail_with_its_caller_and_request_id_and_the_personal_identity_number_is_not()
    {
        var agreements = new AgreementService.AgreementServiceClient(As(HudiksvallAgency));
        var participants = new ParticipantService.ParticipantServiceClient(As(GavleborgAgency));
        var create = Youth(AgreementRequests.Hudiksvall);
        var agreementId = (await agreements.CreateAgreementAsync(create)).Agreement.AgreementId;
        var addTrack = AddTrack(agreementId, TrackWithEmployer("Undersköterska"));
        var trackId = (await agreements.AddJobTrackAsync(addTrack)).JobTrackId;
        var sign = Sign(agreementId);
        await agreements.SignAgreementAsync(sign);
        var person = NewPerson();
        var enrol = Enrol(agreementId, person.Ten);
        var participantId = (await participants.EnrolParticipantAsync(enrol)).Participant.ParticipantId;
        var step1 = StartJobPreparation(participantId, Day2);
        var step2 = ChoosePath(participantId, PathChoice.Work, Day3);
        var step3 = StartJobTrack(participantId, trackId, Day4);
        foreach (var step in new[] { step1, step2, step3 })
        {
            await participants.RecordProgressAsync(step);
        }

        var byAgreement = await ListAllAsync(new ListAuditEntriesRequest { AgreementId = agreementId }, 2);
        var byParticipant = await ListAllAsync(new ListAuditEntriesRequest { ParticipantId = participantId });

        // Newest first.
        Assert.Equal(
            [
                (Participants + "RecordProgress", step3.RequestId, GavleborgAgency.Subject),
                (Participants + "RecordProgress", step2.RequestId, GavleborgAgency.Subject),
                (Participants + "RecordProgress", step1.RequestId, GavleborgAgency.Subject),
                (Participants + "EnrolParticipant", enrol.RequestId, GavleborgAgency.Subject),
                (Agreements + "SignAgreement", sign.RequestId, HudiksvallAgency.Subject),
                (Agreements + "AddJobTrack", addTrack.RequestId, HudiksvallAgency.Subject),
                (Agreements + "CreateAgreement", create.RequestId, HudiksvallAgency.Subject),
            ],
            byAgreement.Select(e => (e.Method, e.RequestId, e.Subject)));
        Assert.Equal(byAgreement.Take(4), byParticipant);
        Assert.All(byAgreement, e => Assert.Equal(e.Subject == HudiksvallAgency.Subject ? HudiksvallAgency.Organisation : GavleborgAgency.Organisation, e.Organisation));
        Assert.All(byAgreement, e => Assert.Equal(Roles.Agency, e.Role));
        Assert.All(byAgreement, e => Assert.Equal(agreementId, e.AgreementId));
        Assert.All(byParticipant, e => Assert.Equal(participantId, e.ParticipantId));
        Assert.Equal([AgreementRequests.Hudiksvall], byAgreement[^1].MunicipalityCodes);
        Assert.Equal(trackId, byAgreement[0].JobTrackId);
        Assert.Equal(trackId, byAgreement[^2].JobTrackId);
        Assert.All(byAgreement, e => Assert.InRange(e.RecordedAt.ToDateTime(), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddSeconds(1)));

        var trail = JsonFormatter.Default.Format(new ListAuditEntriesResponse { Entries = { byAgreement } });
        Assert.All(person.Notations, notation => Assert.DoesNotContain(notation, trail));
    }

    [Fact]
    public async Task A_retried_write_is_recorded_once_and_a_refused_one_not_at_all()
    {
        var agreements = new AgreementService.AgreementServiceClient(As(CountryAgency));
        var participants = new ParticipantService.ParticipantServiceClient(As(CountryAgency));
        var create = Youth(Gavle);
        var draft = (await agreements.CreateAgreementAsync(create)).Agreement.AgreementId;
        await agreements.CreateAgreementAsync(create.Clone());

        // A draft takes no participants: refused, so not in the trail.
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => participants.EnrolParticipantAsync(Enrol(draft, NewPerson().Ten)).ResponseAsync);

        var entry = Assert.Single(await ListAllAsync(new ListAuditEntriesRequest { AgreementId = draft }));
        Assert.Equal((Agreements + "CreateAgreement", create.RequestId), (entry.Method, entry.RequestId));
    }

    [Fact]
    public async Task Pages_continue_only_the_listing_they_came_from()
    {
        var agreements = new AgreementService.AgreementServiceClient(As(CountryAgency));
        var first = (await agreements.CreateAgreementAsync(Youth(Eskilstuna))).Agreement.AgreementId;
        await agreements.AddJobTrackAsync(AddTrack(first, TrackWithEmployer("Truckförare")));
        var second = (await agreements.CreateAgreementAsync(Youth(Stockholm))).Agreement.AgreementId;
        var operations = new OperationsService.OperationsServiceClient(As(OperationsCaller));

        var page = await operations.ListAuditEntriesAsync(new ListAuditEntriesRequest { AgreementId = first, PageSize = 1 });

        Assert.Single(page.Entries);
        Assert.NotEmpty(page.NextPageToken);
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { AgreementId = second, PageToken = page.NextPageToken }).ResponseAsync, "page_token");
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(
            new ListAuditEntriesRequest { AgreementId = first, PageToken = "not-a-token" }).ResponseAsync, "page_token");
        var last = await operations.ListAuditEntriesAsync(new ListAuditEntriesRequest { AgreementId = first, PageSize = 1, PageToken = page.NextPageToken });
        Assert.Equal(Agreements + "CreateAgreement", Assert.Single(last.Entries).Method);
        Assert.Empty(last.NextPageToken);
    }

    [Fact]
    public async Task Exactly_one_filter_and_a_page_size_up_to_100_are_required()
    {
        var operations = new OperationsService.OperationsServiceClient(As(OperationsCaller));

        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(new ListAuditEntriesRequest()).ResponseAsync, "agreement_id");
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            AgreementId = "21-79ecd7f1acc06f2d", ParticipantId = "21-79ecd7f1acc06f2d-p000001",
        }).ResponseAsync, "participant_id");
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(new ListAuditEntriesRequest { AgreementId = "2184" }).ResponseAsync, "agreement_id");
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(new ListAuditEntriesRequest { ParticipantId = "811218-9876" }).ResponseAsync, "participant_id");
        await RpcAssert.InvalidFields(() => operations.ListAuditEntriesAsync(new ListAuditEntriesRequest
        {
            AgreementId = "21-79ecd7f1acc06f2d", PageSize = 101,
        }).ResponseAsync, "page_size");
        Assert.Empty((await operations.ListAuditEntriesAsync(new ListAuditEntriesRequest { AgreementId = "21-0123456789abcdef", PageSize = 100 })).Entries);
    }

    /// <summary>Calls as the gateway makes them: with the caller's headers on each one.</summary>
    private CallInvoker As(Caller caller) => silo.ChannelFor(caller).CreateCallInvoker();

    private async Task<List<AuditEntry>> ListAllAsync(ListAuditEntriesRequest request, int pageSize = 0)
    {
        var operations = new OperationsService.OperationsServiceClient(As(OperationsCaller));
        var entries = new List<AuditEntry>();
        request.PageSize = pageSize;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await operations.ListAuditEntriesAsync(request);
            entries.AddRange(page.Entries);
            if (page.NextPageToken.Length == 0)
            {
                return entries;
            }

            request.PageToken = page.NextPageToken;
        }

        throw new InvalidOperationException("More than 20 pages.");
    }
}
