using Dua.Grains.Dialogues;
using Dua.ReferenceData;
using Google.Protobuf.Collections;

namespace Dua.Silo.Api;

/// <summary>
/// Shape checks for dialogue requests, every bad field named at once. Whether an outcome names only invited
/// municipalities, and whether the dialogue was held, is the county's dialogue grain's to decide.
/// </summary>
public static class DialogueValidation
{
    public static RequestValidator RequireDialogueId(this RequestValidator validator, string? id) =>
        DialogueId.TryParse(id, out _, out _) ? validator : validator.Add("dialogue_id", "must be a dialogue id such as \"21-d1\"");

    /// <summary>Invited municipalities: at least one, distinct, known, and (when the county is known) all in it.</summary>
    public static RequestValidator RequireInvitations(this RequestValidator validator, string regionCode, RepeatedField<string> codes)
    {
        var county = ScbCodes.IsRegionCode(regionCode) ? Geography.Sweden.FindCounty(regionCode) : null;
        validator.RequireCount("municipality_codes", codes.Count, 1);
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
            else if (county is not null && municipality.CountyCode != county.Code)
            {
                validator.Add(field, $"lies in county {municipality.CountyCode}; a dialogue invites the municipalities of its own county ({county.Code})");
            }
        }

        return validator.RequireDistinct(codes);
    }

    /// <summary>Outcome municipalities: well-formed and distinct; may be empty when none started.</summary>
    public static RequestValidator RequireOutcomeMunicipalities(this RequestValidator validator, RepeatedField<string> codes)
    {
        validator.RequireCount("municipality_codes", codes.Count, 0);
        for (var i = 0; i < codes.Count; i++)
        {
            validator.RequireMunicipalityCode($"municipality_codes[{i}]", codes[i]);
        }

        return validator.RequireDistinct(codes);
    }

    private static RequestValidator RequireDistinct(this RequestValidator validator, RepeatedField<string> codes) =>
        codes.Distinct(StringComparer.Ordinal).Count() == codes.Count ? validator : validator.Add("municipality_codes", "must not repeat a municipality");
}
