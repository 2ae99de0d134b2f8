using Dua.Contracts.V1;
using Dua.Migrations;
using Dua.Security;
using Dua.Testing;
using Dua.Testing.Requests;
using static Dua.Testing.Requests.AgreementRequests;
using static Dua.Testing.Requests.ParticipantRequests;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// One platform (PostgreSQL, a silo process, the gateway) for the malformed-request tests, started by the first test
/// that asks for it, with a signed agreement, a participant and labour-market figures in Hudiksvall so that the
/// summaries and the recount have something to compare.
/// </summary>
public sealed class MalformedRequestsPlatform : IDisposable
{
    /// <summary>The largest request message the platform accepts (the silos' and the gateway's shared limit).</summary>
    public const int MessageLimit = 256 * 1024;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly SemaphoreSlim _starting = new(1, 1);
    private PlatformCluster? _platform;

    public string ConnectionString { get; private set; } = "";

    public PlatformCluster Platform => _platform ?? throw new InvalidOperationException("Not started.");

    public async Task<PlatformCluster> StartedAsync(PostgresFixture postgres)
    {
        await _starting.WaitAsync();
        try
        {
            if (_platform is null)
            {
                ConnectionString = await postgres.Server.CreateDatabaseAsync("e2e_malformed");
                await DuaSchema.ApplyAsync(ConnectionString);
                var platform = new PlatformCluster(ConnectionString);
                platform.StartSilo(0);
                platform.StartGateway();
                await platform.WaitUntilReadyAsync(0, StartTimeout);
                await platform.WaitUntilGatewayServesAsync(StartTimeout);
                await ArrangeAsync(platform);
                _platform = platform;
            }

            return _platform;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Raw calls through the gateway, as the national agency.</summary>
    public RawGrpcClient GatewayClient() =>
        new(new Uri($"http://127.0.0.1:{Platform.GatewayPort}"), [new("authorization", $"Bearer {Platform.Security.TokenFor(TestCallers.Agency)}")]);

    /// <summary>Raw calls straight at the silo, with the headers and credential the gateway would send for the national agency.</summary>
    public RawGrpcClient SiloClient() =>
        new(new Uri($"http://127.0.0.1:{Platform.PortsOf(0).Grpc}"),
            [.. CallerHeaders.Of(TestCallers.Agency), new(CallerHeaders.Credential, Platform.Security.SiloCredential)]);

    public void Dispose() => _platform?.Dispose();

    private static async Task ArrangeAsync(PlatformCluster platform)
    {
        var agreements = new AgreementService.AgreementServiceClient(platform.Gateway);
        var (agreementId, tracks) = await SignedAgreementAsync(agreements, AgreementKind.Newcomers, Hudiksvall, 10, 10, 10);
        var participants = new ParticipantService.ParticipantServiceClient(platform.Gateway);
        var participant = (await participants.EnrolParticipantAsync(Enrol(agreementId, TestPeople.NewPersonalIdentityNumber()))).Participant;
        await participants.RecordProgressAsync(StartJobPreparation(participant.ParticipantId, Day2));
        await new LabourMarketService.LabourMarketServiceClient(platform.Gateway).ReportMonthlyFiguresAsync(new ReportMonthlyFiguresRequest
        {
            RequestId = NewRequestId(),
            MunicipalityCode = Hudiksvall,
            Month = "2026-03",
            Unemployed1664 = 1200,
            Unemployed1824 = 210,
            UnemployedNewcomers = 340,
            UnemployedOver12Months = 400,
            UnemploymentRate = 7.5,
        });
        Assert.Equal(3, tracks.Length);
    }
}
