using Dua.Contracts.V1;

namespace Dua.Testing.Requests;

/// <summary>
/// Valid agreement requests with real reference data, for tests to start from and spoil one field at a time.
/// Every request gets a fresh request id, as the silo is shared by the tests of a class.
/// </summary>
public static class AgreementRequests
{
    public const string Hudiksvall = "2184";
    public const string Gavle = "2180";
    public const string Eskilstuna = "0484";
    public const string Stockholm = "0180";
    public const string Gavleborg = "21";
    public const string Sodermanland = "04";
    public const string NorraHalsingland = "Arbetsförmedlingen Norra Hälsingland";

    /// <summary>SSYK 2012 5321, "Undersköterskor, hemtjänst, hemsjukvård och äldreboende".</summary>
    public const string AssistantNurses = "5321";

    /// <summary>SSYK 2012 8332, "Lastbilsförare m.fl.".</summary>
    public const string TruckDrivers = "8332";

    // Real-format organisationsnummer with valid Luhn check digits.
    public const string RegionGavleborg = "232100-0040";
    public const string HudiksvallsKommun = "212000-2361";
    public const string Volvo = "556036-0793";

    public const string ValidFrom = "2026-01-01";
    public const string ValidTo = "2027-12-31";

    public static string NewRequestId() => Guid.NewGuid().ToString();

    public static CreateAgreementRequest Create(AgreementKind kind, params string[] municipalityCodes)
    {
        var request = new CreateAgreementRequest
        {
            RequestId = NewRequestId(),
            Kind = kind,
            MunicipalityCodes = { municipalityCodes.Length > 0 ? municipalityCodes : [Hudiksvall] },
            EmploymentOffice = NorraHalsingland,
            Signatories =
            {
                new Signatory { Name = "Anna Berg", Role = "Kommunstyrelsens ordförande", Party = Party.Municipality },
                new Signatory { Name = "Erik Lund", Role = "Sektionschef", Party = Party.EmploymentService },
            },
            TargetGroups = { kind == AgreementKind.Youth ? TargetGroup.Youth : TargetGroup.Newcomers },
            Goals =
            {
                new Goal { Metric = "Nyanlända i arbete eller studier", Baseline = 31.5, Target = 45, TargetDate = "2027-12-31", Unit = "percent" },
            },
        };
        if (kind == AgreementKind.Collaboration)
        {
            request.FocusAreas.Add(FocusArea.WelfareCompetenceSupply);
        }

        return request;
    }

    public static CreateAgreementRequest Newcomers(params string[] municipalityCodes) => Create(AgreementKind.Newcomers, municipalityCodes);

    public static CreateAgreementRequest Youth(params string[] municipalityCodes) => Create(AgreementKind.Youth, municipalityCodes);

    /// <summary>A job track with an employer: counts toward a newcomer agreement's three.</summary>
    public static JobTrackSpec TrackWithEmployer(string name, string employer = "Hudiksvalls kommun", string organisationNumber = HudiksvallsKommun) =>
        Track(name, new Employer { Name = employer, OrganisationNumber = organisationNumber });

    /// <summary>A preparatory track: no employer yet.</summary>
    public static JobTrackSpec PreparatoryTrack(string name) => Track(name);

    public static JobTrackSpec Track(string name, params Employer[] employers) => new()
    {
        Name = name,
        OccupationCode = AssistantNurses,
        Employers = { employers },
        Requirements = new JobTrackRequirements { SwedishLevel = "SFI D", Prerequisites = { "Godkänd SFI C" } },
        Components =
        {
            new JobTrackComponent { Kind = JobTrackComponentKind.Sfi, Weeks = 20 },
            new JobTrackComponent { Kind = JobTrackComponentKind.VocationalAdultEducation, Weeks = 30 },
            new JobTrackComponent { Kind = JobTrackComponentKind.Internship, Weeks = 8 },
        },
        LengthWeeks = 40,
        Places = 12,
    };

    public static AddJobTrackRequest AddTrack(string agreementId, JobTrackSpec track) =>
        new() { RequestId = NewRequestId(), AgreementId = agreementId, JobTrack = track };

    public static SignAgreementRequest Sign(string agreementId, string validFrom = ValidFrom, string validTo = ValidTo) =>
        new() { RequestId = NewRequestId(), AgreementId = agreementId, ValidFrom = validFrom, ValidTo = validTo };

    public static EndAgreementRequest End(string agreementId, EndReason reason, string note = "") =>
        new() { RequestId = NewRequestId(), AgreementId = agreementId, Reason = reason, Note = note };

    public static AmendAgreementRequest Amend(string agreementId, string description, params string[] paths)
    {
        var request = new AmendAgreementRequest
        {
            RequestId = NewRequestId(),
            AgreementId = agreementId,
            Description = description,
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask(),
        };
        request.UpdateMask.Paths.Add(paths);
        return request;
    }
}
