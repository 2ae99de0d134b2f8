using Dua.Contracts.V1;
using Dua.Domain;
using Dua.Domain.Dialogues;

namespace Dua.Silo.Api;

/// <summary>
/// The shape of dialogue requests, every bad field named at once. Whom a dialogue may invite is the domain's rule
/// (<see cref="DialogueRules"/>), asked here too so that a client learns of every bad invitation with the rest;
/// what an outcome may name and whether the dialogue was held are left to the county's dialogue grain.
/// </summary>
public static class DialogueValidation
{
    private const string MunicipalityCodes = "municipality_codes";

    public static void Validate(ScheduleDialogueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId);
        validator.RequireRegionCode("region_code", request.RegionCode);
        validator.RequireDate("date", request.Date);
        validator.RequireText("venue", request.Venue);
        validator.OptionalText("title", request.Title);
        validator.RequireCount(MunicipalityCodes, request.MunicipalityCodes.Count, 0);
        validator.Add(DialogueRules.InvitationViolations(MunicipalityCodes, request.RegionCode, request.MunicipalityCodes));
        validator.ThrowIfInvalid();
    }

    /// <summary>Outcome municipalities: well-formed and distinct; may be empty when none started.</summary>
    public static void Validate(RecordDialogueOutcomeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRequestId(request.RequestId).RequireDialogueId(request.DialogueId);
        var codes = request.MunicipalityCodes;
        validator.RequireCount(MunicipalityCodes, codes.Count, 0);
        for (var i = 0; i < codes.Count; i++)
        {
            validator.RequireMunicipalityCode($"{MunicipalityCodes}[{i}]", codes[i]);
        }

        validator.Add(CountyMunicipalities.Repeat(MunicipalityCodes, codes) is { } repeat ? [repeat] : []);
        validator.ThrowIfInvalid();
    }

    public static void Validate(GetDialogueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestValidator().RequireDialogueId(request.DialogueId).ThrowIfInvalid();
    }

    /// <summary>The page a listing asks for: how many, and after which of the county's dialogue numbers.</summary>
    public static (int PageSize, int AfterNumber) Validate(ListDialoguesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validator = new RequestValidator().RequireRegionCode("region_code", request.RegionCode);
        var pageSize = PageSize.Resolve(request.PageSize, validator);
        var after = PageToken.Decode(request.PageToken, ListFilter(request),
            key => DialogueId.TryParse(key, out var county, out _) && county == request.RegionCode, validator);
        validator.ThrowIfInvalid();
        return (pageSize, DialogueId.TryParse(after, out _, out var number) ? number : 0);
    }

    /// <summary>What a listing's page tokens are bound to: its county and whether it shows only open dialogues.</summary>
    public static string ListFilter(ListDialoguesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.RegionCode}/{(request.OnlyOpen ? "open" : "all")}";
    }

    private static RequestValidator RequireDialogueId(this RequestValidator validator, string? id) =>
        DialogueId.TryParse(id, out _, out _) ? validator : validator.Add("dialogue_id", "must be a dialogue id such as \"21-d1\"");
}
