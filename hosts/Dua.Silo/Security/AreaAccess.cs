using Dua.ReferenceData;
using Dua.Security;
using Grpc.Core;

namespace Dua.Silo.Security;

/// <summary>
/// Whether a caller's areas cover what a call touches. Writes need every municipality of the target covered; reads
/// need any one of them (operations read everything); a list or summary needs its whole filter area covered. The
/// role was checked before (<see cref="MethodPolicy"/>); this is the second half of the rule.
/// </summary>
public static class AreaAccess
{
    /// <summary>A write: the caller's areas must cover every municipality the target covers.</summary>
    public static void RequireWrite(Caller caller, IEnumerable<string> municipalityCodes)
    {
        ArgumentNullException.ThrowIfNull(caller);
        foreach (var code in municipalityCodes)
        {
            if (!caller.CoversMunicipality(code))
            {
                Deny(caller, $"municipality {code}");
            }
        }
    }

    /// <summary>A write for a whole county (a dialogue that names no municipality).</summary>
    public static void RequireWriteCounty(Caller caller, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.CoversCounty(regionCode))
        {
            Deny(caller, $"county {regionCode}");
        }
    }

    /// <summary>A read of one resource: operations read everything, others need any one of its municipalities.</summary>
    public static void RequireRead(Caller caller, IReadOnlyCollection<string> municipalityCodes)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(municipalityCodes);
        if (!caller.IsOperations && !municipalityCodes.Any(caller.CoversMunicipality))
        {
            Deny(caller, municipalityCodes.Count == 1 ? $"municipality {municipalityCodes.First()}" : $"any of municipalities {string.Join(", ", municipalityCodes)}");
        }
    }

    /// <summary>A read of something in a county as a whole (its dialogues when none are invited by name).</summary>
    public static void RequireReadInCounty(Caller caller, string regionCode) =>
        RequireRead(caller, [.. Geography.Sweden.MunicipalitiesIn(regionCode).Select(m => m.Code)]);

    /// <summary>A list filtered on, or a summary of, one municipality.</summary>
    public static void RequireMunicipality(Caller caller, string municipalityCode)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperations && !caller.CoversMunicipality(municipalityCode))
        {
            Deny(caller, $"municipality {municipalityCode}");
        }
    }

    /// <summary>A list filtered on, or a summary of, a whole county.</summary>
    public static void RequireCounty(Caller caller, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperations && !caller.CoversCounty(regionCode))
        {
            Deny(caller, $"county {regionCode}");
        }
    }

    /// <summary>An unfiltered list, or the national summary: area SE.</summary>
    public static void RequireCountry(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsOperations && !caller.CoversCountry)
        {
            Deny(caller, "the whole country (SE)");
        }
    }

    private static void Deny(Caller caller, string target)
    {
        var areas = caller.Areas.Count == 0 ? "none" : caller.AreaList;
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"the caller's areas ({areas}) do not cover {target}"));
    }
}
