using Dua.Contracts.V1;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// Regional offices read their counties' agreements, dialogues and labour-market figures (what the web app shows
/// them), but the places taken on each job track, a count of people, only as withheld; agencies see them exactly.
/// </summary>
public sealed class RegionalOfficeRecordsTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    [Fact]
    public async Task A_regional_office_reads_its_countys_agreements_with_places_taken_withheld()
    {
        var agreements = new AgreementService.AgreementServiceClient(silo.Channel);
        var (agreementId, tracks) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Hudiksvall, 6);
        var participants = new ParticipantService.ParticipantServiceClient(silo.Channel);
        var participantId = (await participants.EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten))).Participant.ParticipantId;
        await participants.RecordProgressAsync(StartJobPreparation(participantId, Day2));
        await participants.RecordProgressAsync(ChoosePath(participantId, PathChoice.Work, Day3));
        await participants.RecordProgressAsync(StartJobTrack(participantId, tracks[0], Day4));

        var exact = (await agreements.GetAgreementAsync(new() { AgreementId = agreementId })).Agreement.JobTracks.Single();
        Assert.Equal((1, false), (exact.PlacesTaken, exact.PlacesTakenSuppressed));

        var office = new AgreementService.AgreementServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        var read = (await office.GetAgreementAsync(new() { AgreementId = agreementId })).Agreement.JobTracks.Single();
        var listed = (await office.ListAgreementsAsync(new() { RegionCode = Gavleborg })).Agreements.Single(a => a.AgreementId == agreementId).JobTracks.Single();
        Assert.All([read, listed], track => Assert.Equal((0, true, 6), (track.PlacesTaken, track.PlacesTakenSuppressed, track.Places)));

        var labourMarket = new LabourMarketService.LabourMarketServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        Assert.NotNull(await labourMarket.ListMonthlyFiguresAsync(new() { MunicipalityCode = Hudiksvall }));
        var dialogues = new DialogueService.DialogueServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        Assert.NotNull(await dialogues.ListDialoguesAsync(new() { RegionCode = Gavleborg }));
    }

    [Fact]
    public async Task A_regional_office_is_refused_another_countys_agreements()
    {
        var office = new AgreementService.AgreementServiceClient(silo.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => office.ListAgreementsAsync(new() { RegionCode = "04" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, refused.StatusCode);
    }
}
