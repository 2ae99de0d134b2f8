using Dua.ReferenceData;

namespace Dua.Domain;

/// <summary>
/// The rule for a list of municipality codes that must name distinct Swedish municipalities of one county: the
/// municipalities a dialogue invites (of the dialogue's county), and those an agreement covers (of one county,
/// whichever the first names). Each bad entry is named (<c>list[i]</c>, with the list named as the caller names it),
/// so a caller can be told of all of them at once.
/// </summary>
public static class CountyMunicipalities
{
    /// <summary>
    /// Violations of "distinct municipalities of county <paramref name="countyCode"/>". A code naming no county
    /// leaves membership unchecked: then the county itself is what is wrong, and that is a not-found of its own.
    /// </summary>
    public static IEnumerable<FieldViolation> OfCounty(string list, string countyCode, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return Check(list, codes, Geography.Sweden.FindCounty(countyCode)?.Code, firstSetsCounty: false);
    }

    /// <summary>Violations of "distinct municipalities sharing one county", the county of the first one known.</summary>
    public static IEnumerable<FieldViolation> SharingACounty(string list, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return Check(list, codes, county: null, firstSetsCounty: true);
    }

    /// <summary>The county of the first known municipality, which a list without violations all lies in; null if none is known.</summary>
    public static string? CountyOf(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Select(code => Geography.Sweden.FindMunicipality(code)?.CountyCode).FirstOrDefault(county => county is not null);
    }

    /// <summary>The violation of a list that names a municipality twice, or null.</summary>
    public static FieldViolation? Repeat(string list, IReadOnlyCollection<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return codes.Distinct(StringComparer.Ordinal).Count() == codes.Count ? null : new FieldViolation(list, "must not repeat a municipality");
    }

    private static IEnumerable<FieldViolation> Check(string list, IReadOnlyList<string> codes, string? county, bool firstSetsCounty)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (Geography.Sweden.FindMunicipality(codes[i]) is not { } municipality)
            {
                yield return new FieldViolation($"{list}[{i}]", $"'{codes[i]}' is not a Swedish municipality code (SCB's four digits, e.g. \"2184\")");
            }
            else if (county is not null && municipality.CountyCode != county)
            {
                yield return new FieldViolation($"{list}[{i}]", $"lies in county {municipality.CountyCode}; all must lie in county {county}");
            }
            else if (firstSetsCounty)
            {
                county ??= municipality.CountyCode;
            }
        }

        if (Repeat(list, codes) is { } repeat)
        {
            yield return repeat;
        }
    }
}
