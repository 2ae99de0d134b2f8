using Dua.Security;

namespace Dua.DevTokens;

/// <summary>The caller a development token speaks for, with plain defaults for what the command line leaves out.</summary>
public static class DevelopmentCaller
{
    /// <summary>
    /// Builds the caller, or says in one line what is wrong (an unknown role, a malformed area, no area).
    /// </summary>
    public static Caller? Create(string role, IReadOnlyList<string> areaCodes, string? subject, string? organisation, out string? problem)
    {
        problem = null;
        if (!Roles.IsKnown(role))
        {
            problem = $"unknown role '{role}': use one of {string.Join(", ", Roles.All)}";
            return null;
        }

        if (areaCodes.Count == 0)
        {
            problem = "name at least one --area: SE (the whole country), a county code (21) or a municipality code (2184)";
            return null;
        }

        var areas = new List<CallerArea>();
        foreach (var code in areaCodes)
        {
            if (!CallerArea.TryParse(code, out var area))
            {
                problem = $"bad area '{code}': use SE (the whole country), a 2-digit county code (21) or a 4-digit municipality code (2184)";
                return null;
            }

            areas.Add(area);
        }

        return new Caller(
            string.IsNullOrWhiteSpace(subject) ? $"dev-{role}-{string.Join('-', areaCodes)}" : subject,
            string.IsNullOrWhiteSpace(organisation) ? DefaultOrganisation(role) : organisation,
            role,
            areas);
    }

    // Who typically holds such a token; only shown in the audit trail.
    private static string DefaultOrganisation(string role) => role switch
    {
        Roles.Agency => "Arbetsförmedlingen",
        Roles.RegionalOffice => "Länsstyrelsen",
        _ => "Dua drift",
    };
}
