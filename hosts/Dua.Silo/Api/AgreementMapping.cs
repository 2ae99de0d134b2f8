using System.Collections.Immutable;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Model = Dua.Grains.Agreements;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>
/// Maps agreements between the dua.v1 contract and the domain. Enums share their numbers (pinned by a test), so
/// they map by cast; requests are validated before they are mapped.
/// </summary>
public static class AgreementMapping
{
    public const string DateFormat = "yyyy-MM-dd";

    public static V1.Agreement MapToContract(this Model.AgreementSnapshot a)
    {
        var agreement = new V1.Agreement
        {
            AgreementId = a.Id,
            Kind = (V1.AgreementKind)a.Kind,
            Status = (V1.AgreementStatus)a.Status,
            RegionCode = a.RegionCode,
            EmploymentOffice = a.Terms.EmploymentOffice,
            ValidFrom = a.ValidFrom?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
            ValidTo = a.ValidTo?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "",
            EndReason = (V1.EndReason)a.EndReason,
            EndNote = a.EndNote,
            SuccessorAgreementId = a.SuccessorId ?? "",
            PredecessorAgreementId = a.PredecessorId ?? "",
            Version = a.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(a.UpdatedAt),
        };
        agreement.MunicipalityCodes.AddRange(a.MunicipalityCodes);
        agreement.Signatories.AddRange(a.Terms.Signatories.Select(s => new V1.Signatory { Name = s.Name, Role = s.Role, Party = (V1.Party)s.Party }));
        agreement.TargetGroups.AddRange(a.Terms.TargetGroups.Select(g => (V1.TargetGroup)g));
        agreement.FocusAreas.AddRange(a.Terms.FocusAreas.Select(f => (V1.FocusArea)f));
        agreement.Goals.AddRange(a.Terms.Goals.Select(MapToContract));
        agreement.JobTracks.AddRange(a.JobTracks.Select(MapToContract));
        agreement.Amendments.AddRange(a.Amendments.Select(m => new V1.Amendment
        {
            Version = m.Version,
            Description = m.Description,
            RecordedAt = Timestamp.FromDateTimeOffset(m.RecordedAt),
            RequestId = m.RequestId,
        }));
        return agreement;
    }

    public static V1.JobTrack MapToContract(this Model.JobTrack t)
    {
        var track = new V1.JobTrack
        {
            JobTrackId = t.Id,
            Name = t.Spec.Name,
            OccupationCode = t.Spec.OccupationCode,
            OccupationName = ReferenceData.Occupations.Ssyk2012.Find(t.Spec.OccupationCode)?.Name ?? "",
            Requirements = new V1.JobTrackRequirements { SwedishLevel = t.Spec.SwedishLevel },
            LengthWeeks = t.Spec.LengthWeeks,
            Places = t.Spec.Places,
            PlacesTaken = t.PlacesTaken,
            Open = t.Open,
            Preparatory = t.IsPreparatory,
        };
        track.Requirements.Prerequisites.AddRange(t.Spec.Prerequisites);
        track.Employers.AddRange(t.Spec.Employers.Select(e => new V1.Employer { Name = e.Name, OrganisationNumber = e.OrganisationNumber }));
        track.Components.AddRange(t.Spec.Components.Select(c => new V1.JobTrackComponent { Kind = (V1.JobTrackComponentKind)c.Kind, Weeks = c.Weeks }));
        return track;
    }

    public static V1.Goal MapToContract(this Model.Goal g)
    {
        var goal = new V1.Goal { Metric = g.Metric, Target = g.Target, TargetDate = g.TargetDate.ToString(DateFormat, CultureInfo.InvariantCulture), Unit = g.Unit };
        if (g.Baseline is { } baseline)
        {
            goal.Baseline = baseline;
        }

        return goal;
    }

    // From the contract: only after validation, so dates and codes parse.

    public static Model.AgreementTerms MapToTerms(
        string employmentOffice,
        IEnumerable<V1.Signatory> signatories,
        IEnumerable<V1.TargetGroup> targetGroups,
        IEnumerable<V1.FocusArea> focusAreas,
        IEnumerable<V1.Goal> goals) => new(
            employmentOffice.Trim(),
            [.. signatories.Select(s => new Model.Signatory(s.Name.Trim(), s.Role.Trim(), (Model.Party)s.Party))],
            [.. targetGroups.Distinct().Select(g => (Model.TargetGroup)g)],
            [.. focusAreas.Distinct().Select(f => (Model.FocusArea)f)],
            [.. goals.Select(MapToDomain)]);

    public static Model.Goal MapToDomain(this V1.Goal g) =>
        new(g.Metric.Trim(), g.HasBaseline ? g.Baseline : null, g.Target, ParseDate(g.TargetDate), g.Unit.Trim());

    public static Model.JobTrackSpec MapToDomain(this V1.JobTrackSpec t) => new(
        t.Name.Trim(),
        t.OccupationCode,
        [.. t.Employers.Select(e => new Model.Employer(e.Name.Trim(), CanonicalOrganisationNumber(e.OrganisationNumber)))],
        t.Requirements?.SwedishLevel.Trim() ?? "",
        t.Requirements is null ? ImmutableArray<string>.Empty : [.. t.Requirements.Prerequisites.Select(p => p.Trim())],
        [.. t.Components.Select(c => new Model.JobTrackComponent((Model.JobTrackComponentKind)c.Kind, c.Weeks))],
        t.LengthWeeks,
        t.Places);

    public static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    private static string CanonicalOrganisationNumber(string value) =>
        Dua.Domain.OrganisationNumber.TryParse(value, out var number, out _) ? number!.ToString() : value;
}
