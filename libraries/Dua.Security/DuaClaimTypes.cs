namespace Dua.Security;

/// <summary>The JWT claims the platform reads, by their names in the token (inbound claim mapping is off).</summary>
public static class DuaClaimTypes
{
    /// <summary>The calling system or person (registered claim <c>sub</c>).</summary>
    public const string Subject = "sub";

    /// <summary>The organisation the subject acts for, e.g. an agency's organisation number or name.</summary>
    public const string Organisation = "org";

    /// <summary>One of <see cref="Roles"/>.</summary>
    public const string Role = "role";

    /// <summary>
    /// One claim value per area the caller acts for: <c>SE</c> for the whole country, a 2-digit county code or a
    /// 4-digit municipality code (<see cref="CallerArea"/>).
    /// </summary>
    public const string Area = "dua_area";
}
