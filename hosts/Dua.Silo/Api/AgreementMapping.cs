using System.Collections.Immutable;
using System.Globalization;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>
/// Maps agreements between the dua.v1 contract and the domain, once each way. Enums share their numbers (pinned by
/// EnumNumberingTests), so they map by cast. Requests are mapped after their shape was checked, so dates and codes
/// parse; the domain's own rules may still refuse the values.
/// </summary>
public static class AgreementMapping
{
    public const string DateFormat = "yyyy-MM-dd";

    public static AgreementDraft MapToDomain(this V1.CreateAgreementRequest r, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new AgreementDraft(
            (AgreementKind)r.Kind,
            [.. r.MunicipalityCodes],
            regionCode,
            new AgreementTerms(r.EmploymentOffice.Trim(), MapToDomain(r.Signatories), MapToDomain(r.TargetGroups), MapToDomain(r.FocusAreas), MapToDomain(r.Goals)));
    }

    /// <summary>The amendment of the masked parts; the others stay as the agreement has them.</summary>
    public static AgreementAmendment MapToDomain(this V1.AmendAgreementRequest r, IReadOnlySet<string> paths)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(paths);
        return new AgreementAmendment(
            r.Description.Trim(),
            paths.Contains("employment_office") ? r.EmploymentOffice.Trim() : null,
            paths.Contains("signatories") ? MapToDomain(r.Signatories) : null,
            paths.Contains("target_groups") ? MapToDomain(r.TargetGroups) : null,
            paths.Contains("focus_areas") ? MapToDomain(r.FocusAreas) : null,
            paths.Contains("goals") ? MapToDomain(r.Goals) : null,
            paths.Contains("valid_to") ? ParseDate(r.ValidTo) : null);
    }

    public static ValidityPeriod MapToDomain(this V1.SignAgreementRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ValidityPeriod(ParseDate(r.ValidFrom), ParseDate(r.ValidTo));
    }

    public static JobTrackSpec MapToDomain(this V1.JobTrackSpec t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new JobTrackSpec(
            t.Name.Trim(),
            t.OccupationCode,
            [.. t.Employers.Select(e => new Employer(e.Name.Trim(), CanonicalOrganisationNumber(e.OrganisationNumber)))],
            t.Requirements?.SwedishLevel.Trim() ?? "",
            t.Requirements is null ? ImmutableArray<string>.Empty : [.. t.Requirements.Prerequisites.Select(p => p.Trim())],
            [.. t.Components.Select(c => new JobTrackComponent((JobTrackComponentKind)c.Kind, c.Weeks))],
            t.LengthWeeks,
            t.Places);
    }

    public static EndReason MapToDomain(this V1.EndReason reason) => (EndReason)reason;

    /// <summary>The kind a listing keeps, or null (UNSPECIFIED) for every kind.</summary>
    public static AgreementKind? MapToFilter(this V1.AgreementKind kind) => kind == V1.AgreementKind.Unspecified ? null : (AgreementKind)kind;

    /// <summary>The status a listing keeps, or null (UNSPECIFIED) for every status.</summary>
    public static AgreementStatus? MapToFilter(this V1.AgreementStatus status) => status == V1.AgreementStatus.Unspecified ? null : (AgreementStatus)status;

    public static V1.Agreement MapToContract(this AgreementSnapshot a)
    {
        ArgumentNullException.ThrowIfNull(a);
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

    public static V1.JobTrack MapToContract(this JobTrack t)
    {
        ArgumentNullException.ThrowIfNull(t);
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

    public static V1.Goal MapToContract(this Goal g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var goal = new V1.Goal { Metric = g.Metric, Target = g.Target, TargetDate = g.TargetDate.ToString(DateFormat, CultureInfo.InvariantCulture), Unit = g.Unit };
        if (g.Baseline is { } baseline)
        {
            goal.Baseline = baseline;
        }

        return goal;
    }

    public static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    private static ImmutableArray<Signatory> MapToDomain(RepeatedField<V1.Signatory> signatories) =>
        [.. signatories.Select(s => new Signatory(s.Name.Trim(), s.Role.Trim(), (Party)s.Party))];

    internal static ImmutableArray<TargetGroup> MapToDomain(this RepeatedField<V1.TargetGroup> targetGroups) => [.. targetGroups.Distinct().Select(g => (TargetGroup)g)];

    private static ImmutableArray<FocusArea> MapToDomain(RepeatedField<V1.FocusArea> focusAreas) => [.. focusAreas.Distinct().Select(f => (FocusArea)f)];

    private static ImmutableArray<Goal> MapToDomain(RepeatedField<V1.Goal> goals) =>
        [.. goals.Select(g => new Goal(g.Metric.Trim(), g.HasBaseline ? g.Baseline : null, g.Target, ParseDate(g.TargetDate), g.Unit.Trim()))];

    private static string CanonicalOrganisationNumber(string value) =>
        OrganisationNumber.TryParse(value, out var number, out _) ? number!.ToString() : value;
}
