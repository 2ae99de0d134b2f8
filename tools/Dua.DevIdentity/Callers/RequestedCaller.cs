using Dua.ReferenceData;
using Dua.Security;

namespace Dua.DevIdentity.Callers;

/// <summary>
/// The role and areas a token may name: one of the three roles, and areas that exist (SE, one of the 21 counties, one of
/// the 290 municipalities). The gateway only checks their shape; the provider checks them against the code lists.
/// </summary>
public static class RequestedCaller
{
    public static bool TryCreate(string? role, IReadOnlyCollection<string> areaCodes, out IReadOnlyList<CallerArea> areas, out string? problem)
    {
        areas = [];
        if (!Roles.IsKnown(role))
        {
            problem = $"role '{role}' is not one of {string.Join(", ", Roles.All)}";
            return false;
        }

        if (areaCodes.Count == 0)
        {
            problem = "name at least one area: SE (the whole country), a county code (21) or a municipality code (2184)";
            return false;
        }

        var parsed = new List<CallerArea>();
        foreach (var code in areaCodes.Distinct(StringComparer.Ordinal))
        {
            if (!CallerArea.TryParse(code, out var area) || !Exists(area))
            {
                problem = $"area '{code}' is not SE, a county code or a municipality code that exists";
                return false;
            }

            parsed.Add(area);
        }

        areas = parsed;
        problem = null;
        return true;
    }

    private static bool Exists(CallerArea area) =>
        area.IsCountry
        || area.IsCounty && Geography.Sweden.FindCounty(area.Code) is not null
        || area.IsMunicipality && Geography.Sweden.FindMunicipality(area.Code) is not null;
}
