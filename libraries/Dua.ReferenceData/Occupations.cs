using System.Collections.Frozen;

namespace Dua.ReferenceData;

/// <summary>
/// SCB's Swedish Standard Classification of Occupations (SSYK 2012) at unit-group level, read once from the CSV
/// file embedded in this assembly.
/// </summary>
public sealed class Occupations
{
    private readonly FrozenDictionary<string, Occupation> _byCode;

    private Occupations(IEnumerable<Occupation> occupations)
    {
        All = occupations.OrderBy(o => o.Code, StringComparer.Ordinal).ToArray();
        foreach (var occupation in All)
        {
            if (occupation.Code.Length != 4 || !occupation.Code.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"SSYK code '{occupation.Code}' is not 4 digits.");
            }

            if (string.IsNullOrWhiteSpace(occupation.Name))
            {
                throw new InvalidDataException($"SSYK code {occupation.Code} has no name.");
            }
        }

        var duplicate = All.GroupBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"SSYK code {duplicate.Key} occurs more than once.");
        }

        _byCode = All.ToFrozenDictionary(o => o.Code, StringComparer.Ordinal);
    }

    /// <summary>The shipped SSYK 2012 unit groups; parsed on first use.</summary>
    public static Occupations Ssyk2012 { get; } = new(
        EmbeddedCsv.Read("ssyk2012.csv", ["code", "name"]).Select(row => new Occupation(row[0], row[1])));

    /// <summary>All unit groups, ordered by code.</summary>
    public IReadOnlyList<Occupation> All { get; }

    /// <summary>The unit group with this 4-digit code, or null when there is none.</summary>
    public Occupation? Find(string code) => _byCode.GetValueOrDefault(code);
}
