using System.Text.RegularExpressions;
using Dua.Contracts.V1;
using Dua.ReferenceData;

namespace Dua.Silo.Api;

/// <summary>
/// Checks the shape of agreement requests at the edge: every bad field is named at once, and nothing reaches a
/// grain that the domain would have to second-guess. Lifecycle rules stay in the agreement grain.
/// </summary>
public static partial class AgreementValidation
{
    public const int MinTrackWeeks = 12;
    public const int MaxTrackWeeks = 104;
    public const int MaxPlaces = 10_000;
    public const int MaxMunicipalities = 20;

    /// <summary>Agreement amendments may replace these parts (update_mask paths).</summary>
    public static readonly IReadOnlySet<string> AmendablePaths =
        new HashSet<string>(["employment_office", "signatories", "target_groups", "focus_areas", "goals", "valid_to"], StringComparer.Ordinal);

    [GeneratedRegex("^[0-9]{2}-[0-9a-f]{16}$")]
    private static partial Regex AgreementIdPattern();

    [GeneratedRegex("^t[0-9]{1,6}$")]
    private static partial Regex JobTrackIdPattern();

    public static bool IsAgreementId(string? id) => id is not null && AgreementIdPattern().IsMatch(id);

    public static RequestValidator RequireAgreementId(this RequestValidator validator, string? id) =>
        IsAgreementId(id) ? validator : validator.Add("agreement_id", "must be an agreement id such as \"21-5f3c9a1e2b7d4c08\"");

    public static RequestValidator RequireJobTrackId(this RequestValidator validator, string? id, string field = "job_track_id") =>
        id is not null && JobTrackIdPattern().IsMatch(id) ? validator : validator.Add(field, "must be a job track id such as \"t1\"");

    /// <summary>Known municipality codes, all in one county; returns that county's code, or null.</summary>
    public static string? RequireMunicipalities(this RequestValidator validator, IReadOnlyList<string> codes)
    {
        validator.RequireCount("municipality_codes", codes.Count, 1, MaxMunicipalities);
        string? region = null;
        for (var i = 0; i < codes.Count; i++)
        {
            var field = $"municipality_codes[{i}]";
            if (!ScbCodes.IsMunicipalityCode(codes[i]))
            {
                validator.Add(field, "must be a four-digit SCB municipality code, e.g. \"2184\"");
            }
            else if (Geography.Sweden.FindMunicipality(codes[i]) is not { } municipality)
            {
                validator.Add(field, $"'{codes[i]}' is not a Swedish municipality");
            }
            else if (region is not null && municipality.CountyCode != region)
            {
                validator.Add(field, $"lies in county {municipality.CountyCode}; the municipalities of one agreement must share a county ({region})");
            }
            else
            {
                region ??= municipality.CountyCode;
            }
        }

        if (codes.Distinct().Count() != codes.Count)
        {
            validator.Add("municipality_codes", "must not repeat a municipality");
        }

        return region;
    }

    public static void ValidateTerms(
        this RequestValidator validator, AgreementKind kind, string employmentOffice, IReadOnlyList<Signatory> signatories,
        IReadOnlyList<TargetGroup> targetGroups, IReadOnlyList<FocusArea> focusAreas, IReadOnlyList<Goal> goals)
    {
        validator.RequireText("employment_office", employmentOffice);
        validator.RequireCount("signatories", signatories.Count, 0);
        for (var i = 0; i < signatories.Count; i++)
        {
            validator.RequireText($"signatories[{i}].name", signatories[i].Name);
            validator.RequireText($"signatories[{i}].role", signatories[i].Role);
            validator.RequireEnum($"signatories[{i}].party", signatories[i].Party);
        }

        validator.RequireCount("target_groups", targetGroups.Count, 1, 10);
        for (var i = 0; i < targetGroups.Count; i++)
        {
            validator.RequireEnum($"target_groups[{i}]", targetGroups[i]);
        }

        validator.RequireCount("focus_areas", focusAreas.Count, 0, 10);
        for (var i = 0; i < focusAreas.Count; i++)
        {
            validator.RequireEnum($"focus_areas[{i}]", focusAreas[i]);
        }

        if (focusAreas.Count > 0 && kind is not AgreementKind.Collaboration and not AgreementKind.Unspecified)
        {
            validator.Add("focus_areas", "apply only to COLLABORATION agreements");
        }

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
    }

    public static void ValidateJobTrack(this RequestValidator validator, JobTrackSpec? track)
    {
        const string prefix = "job_track";
        if (track is null)
        {
            validator.Add(prefix, "is required");
            return;
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

        validator.RequireRange($"{prefix}.length_weeks", track.LengthWeeks, MinTrackWeeks, MaxTrackWeeks);
        validator.RequireRange($"{prefix}.places", track.Places, 1, MaxPlaces);
        validator.RequireCount($"{prefix}.components", track.Components.Count, 1, 10);
        for (var i = 0; i < track.Components.Count; i++)
        {
            validator.RequireEnum($"{prefix}.components[{i}].kind", track.Components[i].Kind);
            validator.RequireRange($"{prefix}.components[{i}].weeks", track.Components[i].Weeks, 1, Math.Clamp(track.LengthWeeks, 1, MaxTrackWeeks));
        }
    }
}
