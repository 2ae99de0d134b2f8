using System.Security.Claims;

namespace Dua.Security;

/// <summary>
/// An authenticated caller as the platform sees it: who (subject and organisation, for the audit trail), in which
/// role, for which areas. Built from the token at the gateway and passed on to the silos in <see cref="CallerHeaders"/>.
/// </summary>
public sealed record Caller(string Subject, string Organisation, string Role, IReadOnlyList<CallerArea> Areas)
{
    public bool IsAgency => Role == Roles.Agency;

    public bool IsRegionalOffice => Role == Roles.RegionalOffice;

    public bool IsOperations => Role == Roles.Operations;

    public bool CoversMunicipality(string municipalityCode) => Areas.Any(a => a.CoversMunicipality(municipalityCode));

    public bool CoversCounty(string regionCode) => Areas.Any(a => a.CoversCounty(regionCode));

    public bool CoversCountry => Areas.Any(a => a.IsCountry);

    /// <summary>
    /// The areas in one canonical form (sorted, distinct, comma-separated): equal for callers who act for the same
    /// areas, so it can key what such callers share.
    /// </summary>
    public string AreaList => string.Join(',', Areas.Select(a => a.Code).Distinct().Order(StringComparer.Ordinal));

    /// <summary>
    /// Reads a caller from a validated token's claims. Fails, with the reason, when a claim is missing, when there is
    /// not exactly one known role, or when an area is malformed.
    /// </summary>
    public static bool TryFromClaims(ClaimsPrincipal principal, out Caller? caller, out string? problem)
    {
        caller = null;
        var subject = principal.FindFirst(DuaClaimTypes.Subject)?.Value;
        var organisation = principal.FindFirst(DuaClaimTypes.Organisation)?.Value;
        var roles = principal.FindAll(DuaClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
        var areas = new List<CallerArea>();

        problem = (subject, organisation, roles) switch
        {
            (null or "", _, _) => $"the token has no '{DuaClaimTypes.Subject}' claim",
            (_, null or "", _) => $"the token has no '{DuaClaimTypes.Organisation}' claim",
            (_, _, { Count: not 1 }) => $"the token must carry exactly one '{DuaClaimTypes.Role}' claim",
            _ when !Roles.IsKnown(roles[0]) => $"the token's role must be one of {string.Join(", ", Roles.All)}",
            _ => null,
        };
        if (problem is not null)
        {
            return false;
        }

        foreach (var claim in principal.FindAll(DuaClaimTypes.Area))
        {
            if (!CallerArea.TryParse(claim.Value, out var area))
            {
                problem = $"the token's '{DuaClaimTypes.Area}' claim '{claim.Value}' is not SE, a county code or a municipality code";
                return false;
            }

            areas.Add(area);
        }

        caller = new Caller(subject!, organisation!, roles[0], areas);
        return true;
    }
}
