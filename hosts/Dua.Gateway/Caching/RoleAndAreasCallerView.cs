using Dua.Gateway.Authentication;

namespace Dua.Gateway.Caching;

/// <summary>
/// What a silo may show a caller depends only on its role and its areas (suppression for regional offices, coverage by
/// area), never on who it is: callers equal in both share answers. A request without an authenticated caller has no
/// view, so it never gets or leaves a stored answer, whatever path reaches the cache.
/// </summary>
public sealed class RoleAndAreasCallerView : ICallerView
{
    public string? KeyOf(HttpContext context) =>
        context.GetCaller() is { } caller ? caller.Role + "|" + caller.AreaList : null;
}
