using System.Globalization;

namespace Dua.LoadTest.Planning;

/// <summary>
/// Well-formed organisation numbers (NNNNNN-NNNC, Luhn check digit) for the plan's employers: municipal
/// employers in the 212000- series municipalities use, companies in the 559 series of recent limited companies.
/// Illustrative: drawn, not looked up.
/// </summary>
public static class OrganisationNumbers
{
    public static string Draw(PlanRandom random, bool publicEmployer)
    {
        var payload = publicEmployer
            ? string.Create(CultureInfo.InvariantCulture, $"212000{random.Next(1000):D3}")
            : string.Create(CultureInfo.InvariantCulture, $"559{random.Next(1_000_000):D6}");
        return $"{payload[..6]}-{payload[6..]}{Dua.Domain.Luhn.CheckDigit(payload)}";
    }
}
