using Dua.Contracts.V1;
using Dua.Migrations;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit.Abstractions;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Issue 5's "done when", with real processes on PostgreSQL: a regional office for Gävleborg reads its county and is
/// refused Södermanland's, with the one participant's counts suppressed; an agency for Hudiksvall enrols there and is
/// refused in Eskilstuna; a silo's own port refuses calls that did not come through the gateway; the audit trail shows
/// each write with its caller; and the participant's personal identity number is in no log, no table and no error.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class CallerScopesTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly Caller HudiksvallAgency = new("af-norra-halsingland", "Arbetsförmedlingen", Roles.Agency, [CallerArea.Parse(Hudiksvall)]);

    [Fact]
    public async Task Callers_see_and_change_only_what_is_theirs_and_the_person_stays_anonymous()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("e2e_scopes");
        await DuaSchema.ApplyAsync(connectionString);
        using var platform = new PlatformCluster(connectionString);
        try
        {
            platform.StartSilo(0);
            platform.StartGateway();
            await platform.WaitUntilReadyAsync(0, TimeSpan.FromSeconds(120));
            await platform.WaitUntilGatewayServesAsync(TimeSpan.FromSeconds(120));
            await RunScenarioAsync(platform, connectionString);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task RunScenarioAsync(PlatformCluster platform, string connectionString)
    {
        // Hudiksvall's agency signs its own agreement; the national agency one in Eskilstuna.
        var hudiksvallAgreements = new AgreementService.AgreementServiceClient(platform.ChannelFor(HudiksvallAgency));
        var (hudiksvallAgreement, _) = await SignedAgreementAsync(hudiksvallAgreements, AgreementKind.Youth, Hudiksvall, 5);
        var (eskilstunaAgreement, _) = await SignedAgreementAsync(new AgreementService.AgreementServiceClient(platform.Gateway), AgreementKind.Youth, Eskilstuna, 5);

        // The agency for Hudiksvall enrols there, and is refused in Eskilstuna without a trace.
        var person = NewPerson();
        var participants = new ParticipantService.ParticipantServiceClient(platform.ChannelFor(HudiksvallAgency));
        var enrol = Enrol(hudiksvallAgreement, person.Ten);
        var participant = (await participants.EnrolParticipantAsync(enrol)).Participant;
        var errors = new List<RpcException>
        {
            await Assert.ThrowsAsync<RpcException>(() => participants.EnrolParticipantAsync(Enrol(eskilstunaAgreement, person.Twelve)).ResponseAsync),
            // The same person again while enrolled, and a mistyped number: refused without repeating the number.
            await Assert.ThrowsAsync<RpcException>(() => participants.EnrolParticipantAsync(Enrol(hudiksvallAgreement, person.TwelveWithSeparator)).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => participants.EnrolParticipantAsync(Enrol(hudiksvallAgreement, WithWrongCheckDigit(person.Ten))).ResponseAsync),
        };
        Assert.Equal([StatusCode.PermissionDenied, StatusCode.FailedPrecondition, StatusCode.InvalidArgument], errors.Select(e => e.StatusCode));
        Assert.Contains("do not cover municipality 0484", errors[0].Status.Detail, StringComparison.Ordinal);
        var eskilstunaRoster = await new ParticipantService.ParticipantServiceClient(platform.Gateway)
            .ListParticipantsAsync(new ListParticipantsRequest { AgreementId = eskilstunaAgreement });
        Assert.Empty(eskilstunaRoster.Participants);

        // The regional office for Gävleborg: its county, with the single participant suppressed; not Södermanland.
        var regionalOffice = new StatisticsService.StatisticsServiceClient(platform.ChannelFor(TestCallers.RegionalOffice(Gavleborg)));
        var exact = new StatisticsService.StatisticsServiceClient(platform.Gateway);
        await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(10), "the enrolment in the national agency's summary", async () =>
            Assert.Equal(new PersonCount { Value = 1 }, (await exact.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = Gavleborg })).Region.Summary.Participants.Enrolled));
        var county = (await regionalOffice.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = Gavleborg })).Region.Summary;
        var municipality = (await regionalOffice.GetMunicipalitySummaryAsync(new GetMunicipalitySummaryRequest { MunicipalityCode = Hudiksvall })).Municipality.Summary;
        foreach (var summary in new[] { county, municipality })
        {
            Assert.Equal(new PersonCount { Suppressed = true }, summary.Participants.Enrolled);
            Assert.Equal(new PersonCount { Suppressed = true }, summary.Participants.InModule1);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => regionalOffice.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = Sodermanland }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);

        // Straight to the silo's port: without the gateway's credential nothing is served, whatever else is sent.
        await AssertSiloRefusesStrangersAsync(platform);

        // The audit trail, read by operations: each write with its caller and request id.
        var audit = new OperationsService.OperationsServiceClient(platform.ChannelFor(TestCallers.Operations));
        var byAgreement = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { AgreementId = hudiksvallAgreement })).Entries;
        Assert.Equal(
            ["EnrolParticipant", "SignAgreement", "AddJobTrack", "CreateAgreement"],
            byAgreement.Select(e => e.Method.Split('/')[^1]));
        Assert.All(byAgreement, e => Assert.Equal((HudiksvallAgency.Subject, HudiksvallAgency.Organisation, Roles.Agency), (e.Subject, e.Organisation, e.Role)));
        var byParticipant = Assert.Single((await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { ParticipantId = participant.ParticipantId })).Entries);
        Assert.Equal((enrol.RequestId, hudiksvallAgreement), (byParticipant.RequestId, byParticipant.AgreementId));
        output.WriteLine($"audit: {byParticipant}");

        // The number, in any notation, is nowhere: not in errors, logs of every process, the database or its log.
        var notations = person.Notations.ToList();
        Assert.DoesNotContain(errors, e => notations.Any(e.Status.Detail.Contains));
        foreach (var process in platform.Processes)
        {
            Assert.DoesNotContain(notations, process.Output.Contains);
        }

        Assert.DoesNotContain(notations, File.ReadAllText(postgres.Server.LogFile).Contains);
        var hits = await DatabaseSearch.RowsHoldingAsync(connectionString, participant.ParticipantId);
        output.WriteLine($"the participant id is in {string.Join(", ", hits)}");
        Assert.Contains(hits, hit => hit.StartsWith("dua_audit_entries.", StringComparison.Ordinal));
        foreach (var notation in notations)
        {
            Assert.Empty(await DatabaseSearch.RowsHoldingAsync(connectionString, notation));
        }
    }

    private static async Task AssertSiloRefusesStrangersAsync(PlatformCluster platform)
    {
        var asCaller = platform.Security.TokenFor(TestCallers.Agency);
        using var withoutCredential = platform.SiloChannelFor(0, TestCallers.Agency, withCredential: false);
        var regions = new RegionService.RegionServiceClient(withoutCredential);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            regions.ListRegionsAsync(new ListRegionsRequest(), new Metadata { { "authorization", $"Bearer {asCaller}" } }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        refused = await Assert.ThrowsAsync<RpcException>(() =>
            regions.ListRegionsAsync(new ListRegionsRequest(), new Metadata { { CallerHeaders.Credential, "not-the-gateway-credential-0123456789abcdef" } }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        // Health stays open, for orchestrators that probe silos.
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(withoutCredential).CheckAsync(new HealthCheckRequest())).Status);
    }
}
