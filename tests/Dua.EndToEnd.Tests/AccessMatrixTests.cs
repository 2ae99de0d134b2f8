using Dua.Testing.Requests;
using System.Text;
using Dua.Contracts.V1;
using Dua.Migrations;
using Dua.Security;
using Dua.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Who may do what, through the real gateway to a real silo on PostgreSQL: every dua.v1 RPC called by every kind of
/// caller (and with no token, an expired one, one from another issuer and one signed with another key) against the
/// status the access rules give. Every target is in Hudiksvall (2184, Gävleborg 21); the agency for Eskilstuna (0484)
/// and the regional office for Södermanland (04) hold tokens for another county. A refused write changes nothing.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class AccessMatrixTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const string OwnAgency = "agency 2184";
    private const string OtherCountyAgency = "agency 0484";
    private const string NationalAgency = "agency SE";
    private const string OwnRegionalOffice = "regional-office 21";
    private const string OtherRegionalOffice = "regional-office 04";
    private const string Operations = "operations";

    private static readonly string[] Everyone = [OwnAgency, OtherCountyAgency, NationalAgency, OwnRegionalOffice, OtherRegionalOffice, Operations];
    private static readonly string[] Writers = [OwnAgency, NationalAgency];
    private static readonly string[] Readers = [OwnAgency, NationalAgency, Operations];
    private static readonly string[] CountyReaders = [NationalAgency, Operations];
    private static readonly string[] RecordReaders = [OwnAgency, OwnRegionalOffice, NationalAgency, Operations];
    private static readonly string[] CountyRecordReaders = [OwnRegionalOffice, NationalAgency, Operations];
    private static readonly string[] CountySummaryReaders = [OwnRegionalOffice, NationalAgency, Operations];
    private static readonly string[] MunicipalitySummaryReaders = [OwnAgency, OwnRegionalOffice, NationalAgency, Operations];
    private static readonly string[] Operators = [Operations];

    [Fact]
    public async Task Every_rpc_answers_every_caller_as_the_access_rules_say()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("e2e_access");
        await DuaSchema.ApplyAsync(connectionString);
        using var platform = new PlatformCluster(connectionString);
        try
        {
            platform.StartSilo(0);
            platform.StartGateway();
            await platform.WaitUntilReadyAsync(0, TimeSpan.FromSeconds(120));
            await platform.WaitUntilGatewayServesAsync(TimeSpan.FromSeconds(120));
            await RunMatrixAsync(platform);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task RunMatrixAsync(PlatformCluster platform)
    {
        var callers = CallersOf(platform.Security);
        var fixture = await Fixture.ArrangeAsync(platform.Gateway);
        using var anonymous = GrpcChannel.ForAddress($"http://127.0.0.1:{platform.GatewayPort}");
        var cells = Cells(new Clients(anonymous), new Clients(platform.Gateway), fixture);

        // Every method of every dua.v1 service is in the matrix, so a new RPC cannot slip past it.
        Assert.Equal(ContractMethods.All, cells.Select(c => c.Method).Order(StringComparer.Ordinal));

        var mismatches = new List<string>();
        var table = new StringBuilder();
        foreach (var cell in cells)
        {
            table.Append(cell.Method.PadRight(52));
            foreach (var (name, token) in callers)
            {
                var expected = token is { Valid: false } or null ? StatusCode.Unauthenticated
                    : cell.AllowedCallers.Contains(name) ? StatusCode.OK : StatusCode.PermissionDenied;
                var headers = token is null ? [] : new Metadata { { "authorization", $"Bearer {token.Value}" } };
                var (actual, detail, changed) = await cell.RunAsync(headers);
                table.Append($" {Short(actual),-6}");
                if (actual != expected)
                {
                    mismatches.Add($"{cell.Method} as {name}: expected {expected}, got {actual} ({detail})");
                }

                if (actual != StatusCode.OK && changed)
                {
                    mismatches.Add($"{cell.Method} as {name}: refused with {actual} but the target changed");
                }
            }

            table.AppendLine();
        }

        output.WriteLine($"{"",52} {string.Join(" | ", callers.Select(c => c.Name))}");
        output.WriteLine(table.ToString());
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Short(StatusCode code) => code switch
    {
        StatusCode.OK => "ok",
        StatusCode.PermissionDenied => "denied",
        StatusCode.Unauthenticated => "unauth",
        _ => code.ToString(),
    };

    /// <summary>A caller's token: valid ones are for the named caller; invalid ones must be refused before any silo.</summary>
    private sealed record Token(string Value, bool Valid);

    private static List<(string Name, Token? Token)> CallersOf(PlatformSecurity security)
    {
        var otherKey = new TokenMinter(TokenSigningKeys.FromPem(TokenSigningKeys.CreatePrivateKeyPem()), PlatformSecurity.Issuer, PlatformSecurity.Audience);
        return
        [
            (OwnAgency, new Token(security.TokenFor(TestCallers.AgencyFor("2184")), true)),
            (OtherCountyAgency, new Token(security.TokenFor(TestCallers.AgencyFor("0484")), true)),
            (NationalAgency, new Token(security.TokenFor(TestCallers.Agency), true)),
            (OwnRegionalOffice, new Token(security.TokenFor(TestCallers.RegionalOffice("21")), true)),
            (OtherRegionalOffice, new Token(security.TokenFor(TestCallers.RegionalOffice("04")), true)),
            (Operations, new Token(security.TokenFor(TestCallers.Operations), true)),
            ("no token", null),
            ("expired", new Token(security.TokenFor(TestCallers.Agency, TimeSpan.FromMinutes(5), validFromOffset: TimeSpan.FromHours(-2)), false)),
            ("wrong issuer", new Token(security.TokenFor(TestCallers.Agency, TimeSpan.FromHours(1), TimeSpan.Zero, issuer: "someone-else"), false)),
            ("wrong signature", new Token(otherKey.Mint(TestCallers.Agency, TimeSpan.FromHours(1)), false)),
        ];
    }

    /// <summary>What every cell shares: a signed newcomer agreement in Hudiksvall with a participant, a dialogue, figures.</summary>
    private sealed record Fixture(string AgreementId, string JobTrackId, string ParticipantId, string DialogueId)
    {
        public static async Task<Fixture> ArrangeAsync(GrpcChannel admin)
        {
            var clients = new Clients(admin);
            var (agreementId, tracks) = await SignedAgreementAsync(clients.Agreements, AgreementKind.Newcomers, Hudiksvall, 10, 10, 10);
            var participant = (await clients.Participants.EnrolParticipantAsync(Enrol(agreementId, TestPeople.NewPersonalIdentityNumber()))).Participant;
            var dialogue = await ScheduleAsync(clients);
            await clients.LabourMarket.ReportMonthlyFiguresAsync(Figures());
            return new Fixture(agreementId, tracks[0], participant.ParticipantId, dialogue);
        }
    }

    private sealed class Clients(GrpcChannel channel)
    {
        public RegionService.RegionServiceClient Regions { get; } = new(channel);
        public MunicipalityService.MunicipalityServiceClient Municipalities { get; } = new(channel);
        public AgreementService.AgreementServiceClient Agreements { get; } = new(channel);
        public ParticipantService.ParticipantServiceClient Participants { get; } = new(channel);
        public LabourMarketService.LabourMarketServiceClient LabourMarket { get; } = new(channel);
        public DialogueService.DialogueServiceClient Dialogues { get; } = new(channel);
        public StatisticsService.StatisticsServiceClient Statistics { get; } = new(channel);
        public OperationsService.OperationsServiceClient Operations { get; } = new(channel);
    }

    private static ReportMonthlyFiguresRequest Figures() => new()
    {
        RequestId = NewRequestId(),
        MunicipalityCode = Hudiksvall,
        Month = "2026-03",
        Unemployed1664 = 1200,
        Unemployed1824 = 210,
        UnemployedNewcomers = 340,
        UnemployedOver12Months = 400,
        UnemploymentRate = 7.5,
    };

    private static async Task<string> ScheduleAsync(Clients admin, string? date = null) =>
        (await admin.Dialogues.ScheduleDialogueAsync(Schedule(date))).Dialogue.DialogueId;

    // A dialogue's outcome can be recorded from its day on, so the one for that is held in the past.
    private static ScheduleDialogueRequest Schedule(string? date = null) => new()
    {
        RequestId = NewRequestId(),
        RegionCode = Gavleborg,
        Date = date ?? Tomorrow(),
        Venue = "Hudiksvall",
        MunicipalityCodes = { Hudiksvall },
    };

    /// <summary>
    /// One row of the matrix: the call as any caller, after setting up a fresh target with the national agency when a
    /// write needs one (so an allowed write can succeed), and a look at the target before and after.
    /// </summary>
    private sealed class Cell(string method, string[] allowedCallers, Func<Metadata, Task<Func<Task<IMessage>>?>> run)
    {
        public string Method { get; } = method;

        public IReadOnlySet<string> AllowedCallers { get; } = allowedCallers.ToHashSet();

        public async Task<(StatusCode Status, string Detail, bool Changed)> RunAsync(Metadata headers)
        {
            Func<Task<IMessage>>? look = null;
            try
            {
                look = await run(headers);
                return (StatusCode.OK, "", false);
            }
            catch (CellRefused refused)
            {
                var after = await refused.Look();
                return (refused.Status.StatusCode, refused.Status.Detail, !after.Equals(refused.Before));
            }
            catch (RpcException e)
            {
                return (e.StatusCode, e.Status.Detail, false);
            }
        }
    }

    /// <summary>A refused write, with what its target looked like before, to compare with what it looks like now.</summary>
    private sealed class CellRefused(Status status, IMessage before, Func<Task<IMessage>> look) : Exception(status.Detail)
    {
        public Status Status { get; } = status;
        public IMessage Before { get; } = before;
        public Func<Task<IMessage>> Look { get; } = look;
    }

    /// <summary>A write on a target: look, write, and on refusal carry the look along for the unchanged check.</summary>
    private static async Task<Func<Task<IMessage>>?> WriteAsync(Func<Task<IMessage>> look, Func<Task> write)
    {
        var before = await look();
        try
        {
            await write();
            return null;
        }
        catch (RpcException e)
        {
            throw new CellRefused(e.Status, before, look);
        }
    }

    private static List<Cell> Cells(Clients anyone, Clients admin, Fixture fixture)
    {
        Task<IMessage> Agreement(string id) => admin.Agreements.GetAgreementAsync(new GetAgreementRequest { AgreementId = id }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> Participant(string id) => admin.Participants.GetParticipantAsync(new GetParticipantRequest { ParticipantId = id }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> Dialogue(string id) => admin.Dialogues.GetDialogueAsync(new GetDialogueRequest { DialogueId = id }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> Hudiksvalls() => admin.Agreements.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = Hudiksvall, PageSize = 100 }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> Roster() => admin.Participants.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = fixture.AgreementId, PageSize = 100 }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> March() => admin.LabourMarket.GetMonthlyFiguresAsync(new GetMonthlyFiguresRequest { MunicipalityCode = Hudiksvall, Month = "2026-03" }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);
        Task<IMessage> Dialogues() => admin.Dialogues.ListDialoguesAsync(new ListDialoguesRequest { RegionCode = Gavleborg, PageSize = 100 }).ResponseAsync.ContinueWith(t => (IMessage)t.Result);

        async Task<string> Draft() => (await admin.Agreements.CreateAgreementAsync(Youth(Hudiksvall))).Agreement.AgreementId;
        async Task<(string Agreement, string Track)> DraftWithTrack()
        {
            var id = await Draft();
            return (id, (await admin.Agreements.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Busschaufför")))).JobTrackId);
        }

        async Task<string> Enrolled() =>
            (await admin.Participants.EnrolParticipantAsync(Enrol(fixture.AgreementId, TestPeople.NewPersonalIdentityNumber()))).Participant.ParticipantId;

        static Func<Metadata, Task<Func<Task<IMessage>>?>> Read(Func<Metadata, Task> call) => async headers =>
        {
            await call(headers);
            return null;
        };

        return
        [
            new("dua.v1.RegionService/ListRegions", Everyone, Read(h => anyone.Regions.ListRegionsAsync(new(), h).ResponseAsync)),
            new("dua.v1.RegionService/GetRegion", Everyone, Read(h => anyone.Regions.GetRegionAsync(new() { RegionCode = Gavleborg }, h).ResponseAsync)),
            new("dua.v1.MunicipalityService/ListMunicipalities", Everyone, Read(h => anyone.Municipalities.ListMunicipalitiesAsync(new() { RegionCode = Gavleborg }, h).ResponseAsync)),
            new("dua.v1.MunicipalityService/GetMunicipality", Everyone, Read(h => anyone.Municipalities.GetMunicipalityAsync(new() { MunicipalityCode = Hudiksvall }, h).ResponseAsync)),

            new("dua.v1.AgreementService/CreateAgreement", Writers, h => WriteAsync(Hudiksvalls, () => anyone.Agreements.CreateAgreementAsync(Youth(Hudiksvall), h).ResponseAsync)),
            new("dua.v1.AgreementService/GetAgreement", RecordReaders, Read(h => anyone.Agreements.GetAgreementAsync(new() { AgreementId = fixture.AgreementId }, h).ResponseAsync)),
            new("dua.v1.AgreementService/ListAgreements", RecordReaders, Read(h => anyone.Agreements.ListAgreementsAsync(new() { MunicipalityCode = Hudiksvall }, h).ResponseAsync)),
            new("dua.v1.AgreementService/AmendAgreement", Writers, async h =>
            {
                var id = await Draft();
                var amend = Amend(id, "Nytt kontor", "employment_office");
                amend.EmploymentOffice = "Arbetsförmedlingen Hudiksvall";
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.AmendAgreementAsync(amend, h).ResponseAsync);
            }),
            new("dua.v1.AgreementService/AddJobTrack", Writers, async h =>
            {
                var id = await Draft();
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.AddJobTrackAsync(AddTrack(id, TrackWithEmployer("Lastbilsförare")), h).ResponseAsync);
            }),
            new("dua.v1.AgreementService/UpdateJobTrack", Writers, async h =>
            {
                var (id, track) = await DraftWithTrack();
                var update = new UpdateJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = track, JobTrack = TrackWithEmployer("Bussförare") };
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.UpdateJobTrackAsync(update, h).ResponseAsync);
            }),
            new("dua.v1.AgreementService/CloseJobTrack", Writers, async h =>
            {
                var (id, track) = await DraftWithTrack();
                var close = new CloseJobTrackRequest { RequestId = NewRequestId(), AgreementId = id, JobTrackId = track };
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.CloseJobTrackAsync(close, h).ResponseAsync);
            }),
            new("dua.v1.AgreementService/SignAgreement", Writers, async h =>
            {
                var (id, _) = await DraftWithTrack();
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.SignAgreementAsync(Sign(id), h).ResponseAsync);
            }),
            new("dua.v1.AgreementService/EndAgreement", Writers, async h =>
            {
                var (id, _) = await DraftWithTrack();
                await admin.Agreements.SignAgreementAsync(Sign(id));
                return await WriteAsync(() => Agreement(id), () => anyone.Agreements.EndAgreementAsync(End(id, EndReason.Terminated, "Kommunen säger upp överenskommelsen"), h).ResponseAsync);
            }),

            new("dua.v1.ParticipantService/EnrolParticipant", Writers, h =>
                WriteAsync(Roster, () => anyone.Participants.EnrolParticipantAsync(Enrol(fixture.AgreementId, TestPeople.NewPersonalIdentityNumber()), h).ResponseAsync)),
            new("dua.v1.ParticipantService/RecordProgress", Writers, async h =>
            {
                var id = await Enrolled();
                return await WriteAsync(() => Participant(id), () => anyone.Participants.RecordProgressAsync(StartJobPreparation(id, Day2), h).ResponseAsync);
            }),
            new("dua.v1.ParticipantService/GetParticipant", Readers, Read(h => anyone.Participants.GetParticipantAsync(new() { ParticipantId = fixture.ParticipantId }, h).ResponseAsync)),
            new("dua.v1.ParticipantService/ListParticipants", Readers, Read(h => anyone.Participants.ListParticipantsAsync(new() { AgreementId = fixture.AgreementId }, h).ResponseAsync)),

            new("dua.v1.LabourMarketService/ReportMonthlyFigures", Writers, h => WriteAsync(March, () => anyone.LabourMarket.ReportMonthlyFiguresAsync(Figures(), h).ResponseAsync)),
            new("dua.v1.LabourMarketService/GetMonthlyFigures", RecordReaders, Read(h => anyone.LabourMarket.GetMonthlyFiguresAsync(new() { MunicipalityCode = Hudiksvall, Month = "2026-03" }, h).ResponseAsync)),
            new("dua.v1.LabourMarketService/ListMonthlyFigures", RecordReaders, Read(h => anyone.LabourMarket.ListMonthlyFiguresAsync(new() { MunicipalityCode = Hudiksvall }, h).ResponseAsync)),

            new("dua.v1.DialogueService/ScheduleDialogue", Writers, h => WriteAsync(Dialogues, () => anyone.Dialogues.ScheduleDialogueAsync(Schedule(), h).ResponseAsync)),
            new("dua.v1.DialogueService/RecordDialogueOutcome", Writers, async h =>
            {
                var id = await ScheduleAsync(admin, Day1);
                var outcome = new RecordDialogueOutcomeRequest { RequestId = NewRequestId(), DialogueId = id, MunicipalityCodes = { Hudiksvall } };
                return await WriteAsync(() => Dialogue(id), () => anyone.Dialogues.RecordDialogueOutcomeAsync(outcome, h).ResponseAsync);
            }),
            new("dua.v1.DialogueService/GetDialogue", RecordReaders, Read(h => anyone.Dialogues.GetDialogueAsync(new() { DialogueId = fixture.DialogueId }, h).ResponseAsync)),
            new("dua.v1.DialogueService/ListDialogues", CountyRecordReaders, Read(h => anyone.Dialogues.ListDialoguesAsync(new() { RegionCode = Gavleborg }, h).ResponseAsync)),

            new("dua.v1.StatisticsService/GetRegionSummary", CountySummaryReaders, Read(h => anyone.Statistics.GetRegionSummaryAsync(new() { RegionCode = Gavleborg }, h).ResponseAsync)),
            new("dua.v1.StatisticsService/GetMunicipalitySummary", MunicipalitySummaryReaders, Read(h => anyone.Statistics.GetMunicipalitySummaryAsync(new() { MunicipalityCode = Hudiksvall }, h).ResponseAsync)),
            new("dua.v1.StatisticsService/GetNationalSummary", CountyReaders, Read(h => anyone.Statistics.GetNationalSummaryAsync(new(), h).ResponseAsync)),
            new("dua.v1.StatisticsService/WatchRegionSummary", CountySummaryReaders, Read(async h =>
            {
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                using var watch = anyone.Statistics.WatchRegionSummary(new() { RegionCode = Gavleborg }, h, cancellationToken: cancel.Token);
                Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            })),
            new("dua.v1.StatisticsService/GetRegionTrend", CountySummaryReaders, Read(h => anyone.Statistics.GetRegionTrendAsync(new() { RegionCode = Gavleborg, FromMonth = "2025-01", ToMonth = "2025-12" }, h).ResponseAsync)),
            new("dua.v1.StatisticsService/GetMunicipalityTrend", MunicipalitySummaryReaders, Read(h => anyone.Statistics.GetMunicipalityTrendAsync(new() { MunicipalityCode = Hudiksvall, FromMonth = "2025-01", ToMonth = "2025-12" }, h).ResponseAsync)),
            new("dua.v1.StatisticsService/GetNationalTrend", CountyReaders, Read(h => anyone.Statistics.GetNationalTrendAsync(new() { FromMonth = "2025-01", ToMonth = "2025-12" }, h).ResponseAsync)),

            new("dua.v1.OperationsService/RecountRegion", Operators, Read(h => anyone.Operations.RecountRegionAsync(new() { RegionCode = Gavleborg }, h).ResponseAsync)),
            new("dua.v1.OperationsService/ListAuditEntries", Operators, Read(h => anyone.Operations.ListAuditEntriesAsync(new() { AgreementId = fixture.AgreementId }, h).ResponseAsync)),
        ];
    }
}
