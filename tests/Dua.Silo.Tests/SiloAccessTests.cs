using Dua.Contracts.V1;
using Dua.Security;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// The silo serves only the gateway, and only what the caller's role and areas allow: calls without the gateway's
/// credential or without a caller are UNAUTHENTICATED, calls outside the caller's role or areas PERMISSION_DENIED.
/// </summary>
public sealed class SiloAccessTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private static readonly Caller HudiksvallAgency = TestCallers.Agency(Hudiksvall);
    private static readonly Caller GavleborgOffice = TestCallers.RegionalOffice(Gavleborg);

    private static readonly KeyValuePair<string, string> Credential = new(CallerHeaders.Credential, InMemorySiloFactory.GatewayCredential);

    // The gateway's hop

    [Fact]
    public async Task A_call_without_the_credential_is_refused_but_health_answers()
    {
        var direct = silo.ChannelWith([]);

        var e = await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new RegionService.RegionServiceClient(direct).ListRegionsAsync(new()).ResponseAsync);
        Assert.Contains("calls must come through the gateway", e.Status.Detail, StringComparison.Ordinal);
        var health = await new Health.HealthClient(direct).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Caller_headers_without_the_right_credential_are_refused()
    {
        var forged = silo.ChannelWith([new(CallerHeaders.Credential, InMemorySiloFactory.GatewayCredential[..^1] + "x"), .. CallerHeaders.Of(TestCallers.CountryAgency)]);
        var bare = silo.ChannelWith(CallerHeaders.Of(TestCallers.CountryAgency));

        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new AgreementService.AgreementServiceClient(forged).CreateAgreementAsync(Youth(Hudiksvall)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new AgreementService.AgreementServiceClient(bare).CreateAgreementAsync(Youth(Hudiksvall)).ResponseAsync);
    }

    [Fact]
    public async Task The_credential_without_a_caller_is_refused_for_dua_calls()
    {
        var noCaller = silo.ChannelWith([Credential]);
        var badCaller = silo.ChannelWith([Credential, .. CallerHeaders.Of(TestCallers.CountryAgency).Where(h => h.Key != CallerHeaders.Role)]);

        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new RegionService.RegionServiceClient(noCaller).ListRegionsAsync(new()).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated,
            () => new RegionService.RegionServiceClient(badCaller).ListRegionsAsync(new()).ResponseAsync);
    }

    [Fact]
    public async Task Reflection_needs_the_credential_only()
    {
        Assert.Contains("dua.v1.AgreementService", await ListServicesAsync(silo.ChannelWith([Credential])));
        var e = await Assert.ThrowsAsync<RpcException>(() => ListServicesAsync(silo.ChannelWith([])));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task A_request_over_the_message_limit_is_refused()
    {
        var dialogues = new DialogueService.DialogueServiceClient(silo.Channel);
        var request = Dialogue(Gavleborg, Gavle);
        request.Venue = new string('x', 300_000);

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => dialogues.ScheduleDialogueAsync(request).ResponseAsync);
    }

    // Agencies

    [Fact]
    public async Task An_agency_for_Hudiksvall_enrols_there_and_is_refused_in_Eskilstuna()
    {
        var agreements = new AgreementService.AgreementServiceClient(silo.ChannelFor(HudiksvallAgency));
        var participants = new ParticipantService.ParticipantServiceClient(silo.ChannelFor(HudiksvallAgency));
        var (hudiksvall, _) = await SignedAgreementAsync(agreements, AgreementKind.Youth, Hudiksvall, 2);
        var (eskilstuna, _) = await SignedAgreementAsync(new(silo.Channel), AgreementKind.Youth, Eskilstuna, 2);

        var enrolled = await participants.EnrolParticipantAsync(Enrol(hudiksvall, NewPerson().Ten));
        Assert.Equal(hudiksvall, enrolled.Participant.AgreementId);
        await participants.RecordProgressAsync(StartJobPreparation(enrolled.Participant.ParticipantId, Day2));

        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => participants.EnrolParticipantAsync(Enrol(eskilstuna, NewPerson().Ten)).ResponseAsync);
        Assert.Equal("the caller's areas (2184) do not cover municipality 0484", e.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.CreateAgreementAsync(Youth(Eskilstuna)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.GetAgreementAsync(new() { AgreementId = eskilstuna }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.EndAgreementAsync(End(eskilstuna, EndReason.Expired)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => participants.ListParticipantsAsync(new() { AgreementId = eskilstuna }).ResponseAsync);
    }

    [Fact]
    public async Task A_joint_agreement_is_written_only_by_an_agency_covering_every_municipality_but_read_by_any()
    {
        var joint = (await new AgreementService.AgreementServiceClient(silo.Channel).CreateAgreementAsync(Youth(Hudiksvall, "2183"))).Agreement.AgreementId;
        var agreements = new AgreementService.AgreementServiceClient(silo.ChannelFor(HudiksvallAgency));

        Assert.Equal(joint, (await agreements.GetAgreementAsync(new() { AgreementId = joint })).Agreement.AgreementId);
        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => agreements.AddJobTrackAsync(AddTrack(joint, TrackWithEmployer("Undersköterska"))).ResponseAsync);
        Assert.Contains("municipality 2183", e.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.CreateAgreementAsync(Youth(Hudiksvall, "2183")).ResponseAsync);

        var county = new AgreementService.AgreementServiceClient(silo.ChannelFor(TestCallers.Agency(Gavleborg)));
        await county.AddJobTrackAsync(AddTrack(joint, TrackWithEmployer("Undersköterska")));
    }

    [Fact]
    public async Task A_list_filter_must_lie_within_the_callers_areas()
    {
        var agreements = new AgreementService.AgreementServiceClient(silo.ChannelFor(HudiksvallAgency));

        await agreements.ListAgreementsAsync(new() { MunicipalityCode = Hudiksvall });
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.ListAgreementsAsync(new() { RegionCode = Gavleborg }).ResponseAsync);
        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => agreements.ListAgreementsAsync(new()).ResponseAsync);
        Assert.Contains("the whole country (SE)", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labour_market_figures_are_reported_and_read_for_the_callers_municipalities_only()
    {
        var labour = new LabourMarketService.LabourMarketServiceClient(silo.ChannelFor(HudiksvallAgency));

        await labour.ReportMonthlyFiguresAsync(Figures(Hudiksvall));
        await labour.ListMonthlyFiguresAsync(new() { MunicipalityCode = Hudiksvall });
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => labour.ReportMonthlyFiguresAsync(Figures(Eskilstuna)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => labour.ListMonthlyFiguresAsync(new() { MunicipalityCode = Eskilstuna }).ResponseAsync);
    }

    [Fact]
    public async Task Dialogues_are_scheduled_for_invited_municipalities_the_caller_covers()
    {
        var county = new DialogueService.DialogueServiceClient(silo.ChannelFor(TestCallers.Agency(Gavleborg)));
        var hudiksvall = new DialogueService.DialogueServiceClient(silo.ChannelFor(HudiksvallAgency));

        var dialogue = (await county.ScheduleDialogueAsync(Dialogue(Gavleborg, Hudiksvall, Gavle))).Dialogue;
        Assert.Equal(dialogue.DialogueId, (await hudiksvall.GetDialogueAsync(new() { DialogueId = dialogue.DialogueId })).Dialogue.DialogueId);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => hudiksvall.ScheduleDialogueAsync(Dialogue(Gavleborg, Hudiksvall, Gavle)).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => hudiksvall.ListDialoguesAsync(new() { RegionCode = Gavleborg }).ResponseAsync);
        await county.ListDialoguesAsync(new() { RegionCode = Gavleborg });
    }

    // Regional offices

    [Fact]
    public async Task A_regional_office_reads_its_countys_summaries_only()
    {
        var statistics = new StatisticsService.StatisticsServiceClient(silo.ChannelFor(GavleborgOffice));

        Assert.Equal(Gavleborg, (await statistics.GetRegionSummaryAsync(new() { RegionCode = Gavleborg })).Region.RegionCode);
        Assert.Equal(Hudiksvall, (await statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Hudiksvall })).Municipality.MunicipalityCode);
        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => statistics.GetRegionSummaryAsync(new() { RegionCode = Sodermanland }).ResponseAsync);
        Assert.Equal("the caller's areas (21) do not cover county 04", e.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Eskilstuna }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => statistics.GetNationalSummaryAsync(new()).ResponseAsync);
    }

    [Fact]
    public async Task A_regional_office_may_not_read_participants_or_write()
    {
        var channel = silo.ChannelFor(GavleborgOffice);

        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new ParticipantService.ParticipantServiceClient(channel).GetParticipantAsync(new() { ParticipantId = "21-0123456789abcdef-p000001" }).ResponseAsync);
        Assert.Equal("role regional-office may not call dua.v1.ParticipantService/GetParticipant", e.Status.Detail);
        // The role is checked before the request: even a malformed one is refused for the role.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new ParticipantService.ParticipantServiceClient(channel).EnrolParticipantAsync(new()).ResponseAsync);
        var write = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new AgreementService.AgreementServiceClient(channel).CreateAgreementAsync(Youth(Hudiksvall)).ResponseAsync);
        Assert.Equal("role regional-office may not call dua.v1.AgreementService/CreateAgreement", write.Status.Detail);
        // Its county's agreements it reads (RegionalOfficeRecordsTests), another county's not.
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new AgreementService.AgreementServiceClient(channel).ListAgreementsAsync(new() { RegionCode = "04" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new OperationsService.OperationsServiceClient(channel).RecountRegionAsync(new() { RegionCode = Gavleborg }).ResponseAsync);
        Assert.NotEmpty((await new RegionService.RegionServiceClient(channel).ListRegionsAsync(new())).Regions);
    }

    // Operations

    [Fact]
    public async Task Operations_read_everything_recount_and_never_write()
    {
        var (agreementId, _) = await SignedAgreementAsync(new(silo.Channel), AgreementKind.Youth, "0180", 2);
        var channel = silo.ChannelFor(TestCallers.Operations);

        var e = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new ParticipantService.ParticipantServiceClient(channel).EnrolParticipantAsync(Enrol(agreementId, NewPerson().Ten)).ResponseAsync);
        Assert.Equal("role operations may not call dua.v1.ParticipantService/EnrolParticipant", e.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new AgreementService.AgreementServiceClient(channel).CreateAgreementAsync(Youth(Hudiksvall)).ResponseAsync);
        Assert.Equal(agreementId, (await new AgreementService.AgreementServiceClient(channel).GetAgreementAsync(new() { AgreementId = agreementId })).Agreement.AgreementId);
        Assert.True((await new OperationsService.OperationsServiceClient(channel).RecountRegionAsync(new() { RegionCode = "01" })).Equal);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => new OperationsService.OperationsServiceClient(silo.Channel).RecountRegionAsync(new() { RegionCode = "01" }).ResponseAsync);
    }

    private static async Task<string[]> ListServicesAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }

    private static ReportMonthlyFiguresRequest Figures(string municipalityCode) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        MunicipalityCode = municipalityCode,
        Month = "2026-03",
        Unemployed1664 = 1300,
        Unemployed1824 = 300,
        UnemployedNewcomers = 160,
        UnemployedOver12Months = 400,
        UnemploymentRate = 7.2,
    };

    private static ScheduleDialogueRequest Dialogue(string county, params string[] municipalityCodes)
    {
        var request = new ScheduleDialogueRequest { RequestId = Guid.NewGuid().ToString(), RegionCode = county, Date = "2026-05-04", Venue = "Residensstaden" };
        request.MunicipalityCodes.AddRange(municipalityCodes);
        return request;
    }
}
