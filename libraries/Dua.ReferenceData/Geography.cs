using System.Collections.Frozen;

namespace Dua.ReferenceData;

/// <summary>
/// Sweden's counties and municipalities as SCB publishes them, read once from the CSV files embedded in this assembly.
/// </summary>
public sealed class Geography
{
    private readonly FrozenDictionary<string, County> _counties;
    private readonly FrozenDictionary<string, MunicipalityEntry> _municipalities;
    private readonly FrozenDictionary<string, MunicipalityEntry[]> _municipalitiesByCounty;

    private Geography(IReadOnlyList<County> counties, IReadOnlyList<MunicipalityEntry> municipalities)
    {
        Counties = counties.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Municipalities = municipalities.OrderBy(m => m.Code, StringComparer.Ordinal).ToArray();
        _counties = Counties.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _municipalities = Municipalities.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
        _municipalitiesByCounty = Municipalities
            .GroupBy(m => m.CountyCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        foreach (var municipality in Municipalities)
        {
            if (!_counties.ContainsKey(municipality.CountyCode))
            {
                throw new InvalidDataException($"Municipality {municipality.Code} names unknown county {municipality.CountyCode}.");
            }
        }
    }

    /// <summary>The shipped code lists; parsed on first use.</summary>
    public static Geography Sweden { get; } = Load();

    /// <summary>All counties, ordered by code.</summary>
    public IReadOnlyList<County> Counties { get; }

    /// <summary>All municipalities, ordered by code.</summary>
    public IReadOnlyList<MunicipalityEntry> Municipalities { get; }

    public County? FindCounty(string code) => _counties.GetValueOrDefault(code);

    public MunicipalityEntry? FindMunicipality(string code) => _municipalities.GetValueOrDefault(code);

    public IReadOnlyList<MunicipalityEntry> MunicipalitiesIn(string countyCode) =>
        _municipalitiesByCounty.TryGetValue(countyCode, out var list) ? list : [];

    private static Geography Load()
    {
        var counties = EmbeddedCsv.Read("counties.csv", ["code", "name", "municipality_count"])
            .Select(row => new County(row[0], row[1]))
            .ToArray();
        var municipalities = EmbeddedCsv.Read("municipalities.csv", ["code", "name", "county_code", "county_name"])
            .Select(row => new MunicipalityEntry(row[0], row[1], row[2]))
            .ToArray();
        return new Geography(counties, municipalities);
    }
}
