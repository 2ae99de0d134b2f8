namespace Dua.Security;

/// <summary>The three kinds of callers; a token carries exactly one.</summary>
public static class Roles
{
    /// <summary>Another agency's system: writes (and reads) for the municipalities or the country in its areas.</summary>
    public const string Agency = "agency";

    /// <summary>A regional office: reads the summaries of its own counties, with small counts suppressed.</summary>
    public const string RegionalOffice = "regional-office";

    /// <summary>Operations: cluster and recount operations; everything else read-only.</summary>
    public const string Operations = "operations";

    public static IReadOnlyList<string> All { get; } = [Agency, RegionalOffice, Operations];

    public static bool IsKnown(string? role) => role is Agency or RegionalOffice or Operations;
}
