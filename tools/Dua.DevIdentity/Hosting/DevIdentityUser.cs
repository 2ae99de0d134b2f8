namespace Dua.DevIdentity.Hosting;

/// <summary>A person who can sign in on the development page: who they are and which caller their tokens name.</summary>
public sealed class DevIdentityUser
{
    /// <summary>Stable id of the user in the sign-in form (lower-case letters, digits and hyphens).</summary>
    public string Id { get; set; } = "";

    /// <summary>The name shown on the sign-in page (in Swedish) and put in the <c>name</c> claim.</summary>
    public string Name { get; set; } = "";

    /// <summary>The token's <c>sub</c>: stable across restarts, so the audit trail names the same person.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The token's <c>org</c>.</summary>
    public string Organisation { get; set; } = "";

    /// <summary>The token's <c>role</c>: agency, regional-office or operations.</summary>
    public string Role { get; set; } = "";

    /// <summary>The token's <c>dua_area</c> claims: SE, county codes, municipality codes.</summary>
    public List<string> Areas { get; set; } = [];
}
