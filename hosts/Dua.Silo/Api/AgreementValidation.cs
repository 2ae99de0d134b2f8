using Dua.Contracts.V1;
using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.ReferenceData;
using TrackLimits = Dua.Domain.JobTracks.JobTrackSpec;
using V1 = Dua.Contracts.V1;

namespace Dua.Silo.Api;

/// <summary>
/// The shape of every AgreementService request, checked at the edge: every bad field is named at once. What the
/// request means for an agreement (its lifecycle, its terms' fit to its kind, the order of its dates) the domain
/// decides.
/// </summary>
public static class AgreementValidation
{
    public const int MaxMunicipalities = 20;

    /// <summary>Agreement amendments may replace these parts (update_mask paths).</summary>
    public static readonly IReadOnlySet<string> AmendablePaths =
        new HashSet<string>(["employment_office", "signatories", "target_groups", "focus_areas", "goals", "valid_to"], StringComparer.Ordinal);

    /// <summary>A well-formed CreateAgreement; returns the county its municipalities lie in.</summary>
    public static string Check(CreateAgreementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        validator.RequireEnum("kind", request.Kind);
        var region = validator.RequireMunicipalities(request.MunicipalityCodes);
        validator.RequireOffice(request.EmploymentOffice).RequireSignatories(request.Signatories).RequireTargetGroups(request.TargetGroups)
            .RequireFocusAreas(request.FocusAreas).RequireGoals(request.Goals);
        validator.ThrowIfInvalid();
        return region!;
    }

    public static void Check(GetAgreementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireAgreementId(request.AgreementId).ThrowIfInvalid();
    }

    /// <summary>A well-formed ListAgreements; returns its page size, the filter its page tokens carry and the id to list after.</summary>
    public static (int PageSize, string Filter, string? After) Check(ListAgreementsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator();
        if (request.MunicipalityCode.Length > 0 && request.RegionCode.Length > 0)
        {
            validator.Add("region_code", "give municipality_code or region_code, not both");
        }

        if (request.MunicipalityCode.Length > 0)
        {
            validator.RequireMunicipalityCode("municipality_code", request.MunicipalityCode);
        }

        if (request.RegionCode.Length > 0)
        {
            validator.RequireRegionCode("region_code", request.RegionCode);
        }

        if (request.Kind != V1.AgreementKind.Unspecified)
        {
            validator.RequireEnum("kind", request.Kind);
        }

        if (request.Status != V1.AgreementStatus.Unspecified)
        {
            validator.RequireEnum("status", request.Status);
        }

        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var filter = $"{request.MunicipalityCode}/{request.RegionCode}/{(int)request.Kind}/{(int)request.Status}";
        var after = PageToken.Decode(request.PageToken, filter, AgreementIdFormat.IsWellFormed, validator);
        validator.ThrowIfInvalid();
        return (pageSize, filter, after);
    }

    /// <summary>A well-formed AmendAgreement; returns the paths it amends. Only those parts are checked.</summary>
    public static IReadOnlySet<string> Check(AmendAgreementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        validator.RequireText("description", request.Description, FieldChecks.MaxText);
        var paths = request.UpdateMask?.Paths.ToHashSet(StringComparer.Ordinal) ?? [];
        if (paths.Count == 0)
        {
            validator.Add("update_mask", $"must name what to change: {string.Join(", ", AmendablePaths)}");
        }

        foreach (var path in paths.Where(p => !AmendablePaths.Contains(p)))
        {
            validator.Add("update_mask", $"{ErrorBounds.Quote(path)} cannot be amended; allowed: {string.Join(", ", AmendablePaths)}");
        }

        // Only the amended parts are checked: the others keep what the agreement has.
        if (paths.Contains("employment_office"))
        {
            validator.RequireOffice(request.EmploymentOffice);
        }

        if (paths.Contains("signatories"))
        {
            validator.RequireSignatories(request.Signatories);
        }

        if (paths.Contains("target_groups"))
        {
            validator.RequireTargetGroups(request.TargetGroups);
        }

        if (paths.Contains("focus_areas"))
        {
            validator.RequireFocusAreas(request.FocusAreas);
        }

        if (paths.Contains("goals"))
        {
            validator.RequireGoals(request.Goals);
        }

        if (paths.Contains("valid_to"))
        {
            validator.RequireDate("valid_to", request.ValidTo);
        }

        validator.ThrowIfInvalid();
        return paths;
    }

    public static void Check(AddJobTrackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId)
            .RequireJobTrack(request.JobTrack).ThrowIfInvalid();
    }

    public static void Check(UpdateJobTrackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId).RequireJobTrackId(request.JobTrackId)
            .RequireJobTrack(request.JobTrack).ThrowIfInvalid();
    }

    public static void Check(CloseJobTrackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId).RequireJobTrackId(request.JobTrackId)
            .ThrowIfInvalid();
    }

    public static void Check(SignAgreementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        validator.RequireDate("valid_from", request.ValidFrom);
        validator.RequireDate("valid_to", request.ValidTo);
        validator.ThrowIfInvalid();
    }

    public static void Check(EndAgreementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireAgreementId(request.AgreementId);
        if (request.Reason is not (V1.EndReason.Expired or V1.EndReason.Terminated))
        {
            validator.Add("reason", "must be END_REASON_EXPIRED or END_REASON_TERMINATED (SUPERSEDED follows from signing a successor)");
        }

        if (request.Reason == V1.EndReason.Terminated)
        {
            validator.RequireText("note", request.Note, FieldChecks.MaxText);
        }
        else
        {
            validator.OptionalText("note", request.Note, FieldChecks.MaxText);
        }

        validator.ThrowIfInvalid();
    }

    public static bool IsAgreementId(string? id) => AgreementIdFormat.IsWellFormed(id);

    public static RequestValidator RequireAgreementId(this RequestValidator validator, string? id) =>
        AgreementIdFormat.IsWellFormed(id) ? validator : validator.Add("agreement_id", $"must be an agreement id such as \"{AgreementIdFormat.Example}\"");

    public static RequestValidator RequireJobTrackId(this RequestValidator validator, string? id, string field = "job_track_id") =>
        JobTrackIdFormat.IsWellFormed(id)
            ? validator
            : validator.Add(field, $"must be a job track id such as \"{JobTrackIdFormat.Example}\"");

    /// <summary>Known municipality codes, all in one county; returns that county's code, or null.</summary>
    private static string? RequireMunicipalities(this RequestValidator validator, IReadOnlyList<string> codes)
    {
        validator.RequireCount("municipality_codes", codes.Count, 1, MaxMunicipalities);
        // The rule is the domain's (a dialogue's invitations follow it too); the list is named as the contract names it.
        validator.Add(CountyMunicipalities.SharingACounty("municipality_codes", codes));
        return CountyMunicipalities.CountyOf(codes);
    }

    private static RequestValidator RequireOffice(this RequestValidator validator, string employmentOffice) =>
        validator.RequireText("employment_office", employmentOffice);

    private static RequestValidator RequireSignatories(this RequestValidator validator, IReadOnlyList<V1.Signatory> signatories)
    {
        validator.RequireCount("signatories", signatories.Count, 0);
        for (var i = 0; i < signatories.Count; i++)
        {
            validator.RequireText($"signatories[{i}].name", signatories[i].Name);
            validator.RequireText($"signatories[{i}].role", signatories[i].Role);
            validator.RequireEnum($"signatories[{i}].party", signatories[i].Party);
        }

        return validator;
    }

    private static RequestValidator RequireTargetGroups(this RequestValidator validator, IReadOnlyList<V1.TargetGroup> targetGroups)
    {
        validator.RequireCount("target_groups", targetGroups.Count, 1, 10);
        for (var i = 0; i < targetGroups.Count; i++)
        {
            validator.RequireEnum($"target_groups[{i}]", targetGroups[i]);
        }

        return validator;
    }

    private static RequestValidator RequireFocusAreas(this RequestValidator validator, IReadOnlyList<V1.FocusArea> focusAreas)
    {
        validator.RequireCount("focus_areas", focusAreas.Count, 0, 10);
        for (var i = 0; i < focusAreas.Count; i++)
        {
            validator.RequireEnum($"focus_areas[{i}]", focusAreas[i]);
        }

        return validator;
    }

    private static RequestValidator RequireGoals(this RequestValidator validator, IReadOnlyList<V1.Goal> goals)
    {
        validator.RequireCount("goals", goals.Count, 0);
        for (var i = 0; i < goals.Count; i++)
        {
            var goal = goals[i];
            validator.RequireText($"goals[{i}].metric", goal.Metric);
            if (goal.HasBaseline)
            {
                validator.RequireFinite($"goals[{i}].baseline", goal.Baseline);
            }

            validator.RequireFinite($"goals[{i}].target", goal.Target);
            validator.RequireDate($"goals[{i}].target_date", goal.TargetDate);
            validator.OptionalText($"goals[{i}].unit", goal.Unit, 50);
        }

        return validator;
    }

    private static RequestValidator RequireJobTrack(this RequestValidator validator, V1.JobTrackSpec? track)
    {
        const string prefix = "job_track";
        if (track is null)
        {
            return validator.Add(prefix, "is required");
        }

        validator.RequireText($"{prefix}.name", track.Name);
        if (Occupations.Ssyk2012.Find(track.OccupationCode) is null)
        {
            validator.Add($"{prefix}.occupation_code", $"{ErrorBounds.Quote(track.OccupationCode)} is not an SSYK 2012 unit-group code (four digits, e.g. \"5321\")");
        }

        validator.RequireCount($"{prefix}.employers", track.Employers.Count, 0);
        for (var i = 0; i < track.Employers.Count; i++)
        {
            validator.RequireText($"{prefix}.employers[{i}].name", track.Employers[i].Name);
            if (!Dua.Domain.OrganisationNumber.TryParse(track.Employers[i].OrganisationNumber, out _, out var error))
            {
                validator.Add($"{prefix}.employers[{i}].organisation_number", $"is not a valid organisationsnummer: {error}");
            }
        }

        if (track.Requirements is { } requirements)
        {
            validator.OptionalText($"{prefix}.requirements.swedish_level", requirements.SwedishLevel, 100);
            validator.RequireCount($"{prefix}.requirements.prerequisites", requirements.Prerequisites.Count, 0, 20);
            for (var i = 0; i < requirements.Prerequisites.Count; i++)
            {
                validator.RequireText($"{prefix}.requirements.prerequisites[{i}]", requirements.Prerequisites[i]);
            }
        }

        // The limits are the domain's: a local job track runs from about twelve weeks to two years.
        validator.RequireRange($"{prefix}.length_weeks", track.LengthWeeks, TrackLimits.MinLengthWeeks, TrackLimits.MaxLengthWeeks);
        validator.RequireRange($"{prefix}.places", track.Places, 1, TrackLimits.MaxPlaces);
        validator.RequireCount($"{prefix}.components", track.Components.Count, 1, TrackLimits.MaxComponents);
        for (var i = 0; i < track.Components.Count; i++)
        {
            validator.RequireEnum($"{prefix}.components[{i}].kind", track.Components[i].Kind);
            var weeks = Math.Clamp(track.LengthWeeks, 1, TrackLimits.MaxLengthWeeks);
            validator.RequireRange($"{prefix}.components[{i}].weeks", track.Components[i].Weeks, 1, weeks);
        }

        return validator;
    }
}
