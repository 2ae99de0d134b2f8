using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains.Tests;

/// <summary>Agreements, job tracks and request keys for the agreement tests; every id is fresh, as the cluster is shared.</summary>
internal static class AgreementTestData
{
    public const string Gavleborg = "21";
    public const string Sodermanland = "04";

    public static readonly DateOnly ValidFrom = new(2026, 1, 1);
    public static readonly DateOnly ValidTo = new(2027, 12, 31);

    /// <summary>A new agreement id in the county, as the edge makes them ("21-5f3c9a1e2b7d4c08").</summary>
    public static string NewAgreementId(string countyCode = Gavleborg) => countyCode + "-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A request key no other request has used; the fingerprint stands in for a hash of the request's content.</summary>
    public static RequestKey NewRequest(string fingerprint = "content") => new($"req-{Guid.NewGuid():N}", fingerprint);

    /// <summary>Terms for a youth or newcomer agreement: focus areas are for COLLABORATION agreements only.</summary>
    public static AgreementTerms Terms(string employmentOffice = "Arbetsförmedlingen Hudiksvall") => new(
        employmentOffice,
        [
            new Signatory("Anna Berg", "Kommunstyrelsens ordförande", Party.Municipality),
            new Signatory("Erik Lund", "Sektionschef", Party.EmploymentService),
        ],
        [TargetGroup.Youth, TargetGroup.Newcomers],
        [],
        [new Goal("Unga i arbete eller studier", Baseline: 61, Target: 70, new DateOnly(2027, 12, 31), "procent")]);

    /// <summary>An amendment that replaces all of the terms (when given) and the last day (when given).</summary>
    public static AgreementAmendment Amendment(string description, AgreementTerms? terms, DateOnly? validTo) =>
        new(description, terms?.EmploymentOffice, terms?.Signatories, terms?.TargetGroups, terms?.FocusAreas, terms?.Goals, validTo);

    public static AgreementDraft Draft(AgreementKind kind, string regionCode, params string[] municipalityCodes) =>
        new(kind, [.. municipalityCodes], regionCode, kind == AgreementKind.Collaboration ? Terms() with { FocusAreas = [FocusArea.WelfareCompetenceSupply] } : Terms());

    public static AgreementDraft Youth(params string[] municipalityCodes) => Draft(AgreementKind.Youth, Gavleborg, municipalityCodes);

    public static AgreementDraft Newcomers(params string[] municipalityCodes) => Draft(AgreementKind.Newcomers, Gavleborg, municipalityCodes);

    /// <summary>A job track leading to work with an employer; counts toward a newcomer agreement's three.</summary>
    public static JobTrackSpec TrackWithEmployer(string name) => Track(name, [new Employer("Hudiksvalls sjukhus", "232100-0040")]);

    /// <summary>A preparatory track: no employer, so it does not count toward a newcomer agreement's three.</summary>
    public static JobTrackSpec PreparatoryTrack(string name) => Track(name, []);

    private static JobTrackSpec Track(string name, ImmutableArray<Employer> employers) => new(
        name,
        OccupationCode: "5321",
        employers,
        SwedishLevel: "SFI D",
        Prerequisites: ["Godkänd SFI C"],
        Components: [new JobTrackComponent(JobTrackComponentKind.Sfi, 8), new JobTrackComponent(JobTrackComponentKind.Internship, 12)],
        LengthWeeks: 20,
        Places: 12);
}
