using Dua.Security;

namespace Dua.EndToEnd.Tests;

/// <summary>The callers the end-to-end tests act as; tokens for them are minted by <see cref="PlatformSecurity"/>.</summary>
public static class TestCallers
{
    /// <summary>An agency for the whole country: may write and read everything the tests load.</summary>
    public static Caller Agency { get; } = new("e2e-agency", "Arbetsförmedlingen", Roles.Agency, [CallerArea.Country]);

    /// <summary>Operations: recounts, and reads everywhere.</summary>
    public static Caller Operations { get; } = new("e2e-operations", "Dua drift", Roles.Operations, [CallerArea.Country]);

    /// <summary>A regional office for one county (e.g. Gävleborg, 21): its summaries, small counts suppressed.</summary>
    public static Caller RegionalOffice(string county) =>
        new($"e2e-regional-office-{county}", "Länsstyrelsen", Roles.RegionalOffice, [CallerArea.Parse(county)]);

    /// <summary>An agency for the given municipalities or counties only.</summary>
    public static Caller AgencyFor(params string[] areas) =>
        new($"e2e-agency-{string.Join('-', areas)}", "Arbetsförmedlingen", Roles.Agency, [.. areas.Select(CallerArea.Parse)]);
}
