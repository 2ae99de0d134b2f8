using Dua.Security;

namespace Dua.Silo.Tests;

/// <summary>Callers as the gateway would pass them on, for the roles and areas the tests need.</summary>
public static class TestCallers
{
    /// <summary>An agency acting for the whole country: may write and read everywhere.</summary>
    public static Caller CountryAgency { get; } = Agency("SE");

    public static Caller Operations { get; } = new("ops-test", "Operations", Roles.Operations, [CallerArea.Country]);

    public static Caller Agency(params string[] areas) =>
        new($"agency-{string.Join('-', areas)}", "Test agency", Roles.Agency, [.. areas.Select(CallerArea.Parse)]);

    public static Caller RegionalOffice(params string[] areas) =>
        new($"office-{string.Join('-', areas)}", "Test regional office", Roles.RegionalOffice, [.. areas.Select(CallerArea.Parse)]);
}
