using Dua.Contracts.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Dua.DemoData;

/// <summary>
/// A small data set from published facts, loaded through the public API like any agency system would. Every
/// request has a fixed request_id, so loading twice changes nothing.
/// </summary>
public static class DemoDataSet
{
    /// <summary>Request ids the demo uses; the agreement ids follow from them.</summary>
    public const string HudiksvallAgreementRequest = "demo-hudiksvall-newcomers-agreement";
    public const string EskilstunaAgreementRequest = "demo-eskilstuna-youth-agreement";

    public static async Task LoadAsync(GrpcChannel channel, TextWriter log)
    {
        var agreements = new AgreementService.AgreementServiceClient(channel.Intercept(new RetryUnavailable()));
        var hudiksvall = await LoadHudiksvallAsync(agreements);
        await log.WriteLineAsync($"Hudiksvall newcomer agreement {hudiksvall.AgreementId}: {hudiksvall.Status}, {hudiksvall.JobTracks.Count} job tracks");
        var eskilstuna = await LoadEskilstunaAsync(agreements);
        await log.WriteLineAsync($"Eskilstuna youth agreement {eskilstuna.AgreementId}: {eskilstuna.Status}");

        var retrying = channel.Intercept(new RetryUnavailable());
        var dialogue = await LoadGavleborgDialogueAsync(new DialogueService.DialogueServiceClient(retrying));
        await log.WriteLineAsync($"Gävleborg dialogue conference {dialogue.DialogueId}: {dialogue.Date} in {dialogue.Venue}, {dialogue.InvitedMunicipalityCodes.Count} municipalities invited");
        var figures = await LoadHudiksvallFiguresAsync(new LabourMarketService.LabourMarketServiceClient(retrying));
        await log.WriteLineAsync($"Hudiksvall labour-market figures for {figures.Month}: {figures.Unemployed1664} unemployed 16-64");
    }

    // The employers' organisation numbers are illustrative: well-formed, with valid check digits, not looked up.

    // Hudiksvall's agreement with Arbetsförmedlingen Norra Hälsingland on newcomers, with job tracks into
    // shortage occupations of the care sector, transport and childcare.
    private static async Task<Agreement> LoadHudiksvallAsync(AgreementService.AgreementServiceClient agreements)
    {
        var created = (await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = HudiksvallAgreementRequest,
            Kind = AgreementKind.Newcomers,
            MunicipalityCodes = { "2184" },
            EmploymentOffice = "Arbetsförmedlingen Norra Hälsingland",
            Signatories =
            {
                new Signatory { Name = "Kommunstyrelsens ordförande", Role = "Chair of the municipal executive board", Party = Party.Municipality },
                new Signatory { Name = "Arbetsförmedlingen Norra Hälsingland", Role = "Head of office", Party = Party.EmploymentService },
            },
            TargetGroups = { TargetGroup.Newcomers },
            Goals =
            {
                new Goal { Metric = "Newcomers in work or studies 90 days after the establishment programme", Target = 50, TargetDate = "2020-12-31", Unit = "percent" },
            },
        })).Agreement;

        var tracks = new (string Key, string Name, string Ssyk, string Employer, string OrganisationNumber, JobTrackComponentKind Education)[]
        {
            ("care", "Undersköterska inom äldreomsorgen", "5321", "Hudiksvalls kommun", "212000-2361", JobTrackComponentKind.VocationalAdultEducation),
            ("bus", "Bussförare", "8331", "Bussbolaget i Hälsingland (illustrative)", "556036-0793", JobTrackComponentKind.LabourMarketTraining),
            ("childcare", "Barnskötare", "5311", "Hudiksvalls kommun", "212000-2361", JobTrackComponentKind.Komvux),
        };
        foreach (var track in tracks)
        {
            await agreements.AddJobTrackAsync(new AddJobTrackRequest
            {
                RequestId = $"{HudiksvallAgreementRequest}-track-{track.Key}",
                AgreementId = created.AgreementId,
                JobTrack = new JobTrackSpec
                {
                    Name = track.Name,
                    OccupationCode = track.Ssyk,
                    Employers = { new Employer { Name = track.Employer, OrganisationNumber = track.OrganisationNumber } },
                    Requirements = new JobTrackRequirements { SwedishLevel = "SFI D" },
                    Components =
                    {
                        new JobTrackComponent { Kind = JobTrackComponentKind.Sfi, Weeks = 40 },
                        new JobTrackComponent { Kind = track.Education, Weeks = 40 },
                        new JobTrackComponent { Kind = JobTrackComponentKind.Internship, Weeks = 12 },
                        new JobTrackComponent { Kind = JobTrackComponentKind.SubsidisedEmployment, Weeks = 26 },
                    },
                    LengthWeeks = 78,
                    Places = 12,
                },
            });
        }

        return (await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            RequestId = $"{HudiksvallAgreementRequest}-sign",
            AgreementId = created.AgreementId,
            ValidFrom = "2018-01-01",
            ValidTo = "2020-12-31",
        })).Agreement;
    }

    // Eskilstuna's agreement on young people, with its goal of unemployment under 10 % by the end of 2020.
    private static async Task<Agreement> LoadEskilstunaAsync(AgreementService.AgreementServiceClient agreements)
    {
        var created = (await agreements.CreateAgreementAsync(new CreateAgreementRequest
        {
            RequestId = EskilstunaAgreementRequest,
            Kind = AgreementKind.Youth,
            MunicipalityCodes = { "0484" },
            EmploymentOffice = "Arbetsförmedlingen Eskilstuna",
            TargetGroups = { TargetGroup.Youth },
            Goals = { new Goal { Metric = "Unemployment among young people 16-24", Target = 10, TargetDate = "2020-12-31", Unit = "percent" } },
        })).Agreement;

        return (await agreements.SignAgreementAsync(new SignAgreementRequest
        {
            RequestId = $"{EskilstunaAgreementRequest}-sign",
            AgreementId = created.AgreementId,
            ValidFrom = "2017-01-01",
            ValidTo = "2020-12-31",
        })).Agreement;
    }

    // Gävleborg's regional dialogue conference on 4 May in Gävle, for the county's ten municipalities.
    private static async Task<Dialogue> LoadGavleborgDialogueAsync(DialogueService.DialogueServiceClient dialogues) =>
        (await dialogues.ScheduleDialogueAsync(new ScheduleDialogueRequest
        {
            RequestId = "demo-gavleborg-dialogue",
            RegionCode = "21",
            Date = "2026-05-04",
            Venue = "Gävle",
            Title = "Regional dialogue on local agreements, Gävleborg",
            MunicipalityCodes = { "2101", "2104", "2121", "2132", "2161", "2180", "2181", "2182", "2183", "2184" },
        })).Dialogue;

    // Hudiksvall as published: 1,300 unemployed aged 16-64, about 300 aged 18-24, 160 newcomers and over 400
    // unemployed for more than twelve months. The month is the demo's choice; the rate was not published.
    private static async Task<MonthlyFigures> LoadHudiksvallFiguresAsync(LabourMarketService.LabourMarketServiceClient labourMarket) =>
        (await labourMarket.ReportMonthlyFiguresAsync(new ReportMonthlyFiguresRequest
        {
            RequestId = "demo-hudiksvall-figures",
            MunicipalityCode = "2184",
            Month = "2026-10",
            Unemployed1664 = 1300,
            Unemployed1824 = 300,
            UnemployedNewcomers = 160,
            UnemployedOver12Months = 400,
        })).Figures;
}
