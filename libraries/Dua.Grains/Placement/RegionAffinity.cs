using Dua.Grains.Abstractions;
namespace Dua.Grains.Placement;

/// <summary>
/// Reads the county a grain belongs to from its key, for region-affinity placement. Only the prefixes listed
/// here are county-bound; any other key (a person's pseudonym, a create request) belongs to no county.
/// </summary>
public static class RegionAffinity
{
    /// <summary>How the county code sits in a key: the prefix, then the code, then what may follow it.</summary>
    private enum Shape
    {
        /// <summary>The key is the prefix and the two-digit county code ("region-21").</summary>
        CountyCode,

        /// <summary>The key is the prefix and a four-digit municipality code, whose first two digits are its county ("municipality-2184").</summary>
        MunicipalityCode,

        /// <summary>The county code, a dash, then an id of its own ("agreement-21-5f3c9a1e2b7d4c08").</summary>
        CountyCodeThenId,
    }

    private static readonly (string Prefix, Shape Shape)[] CountyBound =
    [
        (GrainKeys.RegionPrefix, Shape.CountyCode),
        (GrainKeys.RegionDialoguesPrefix, Shape.CountyCode),
        (GrainKeys.RegionStatisticsPrefix, Shape.CountyCode),
        (GrainKeys.MunicipalityPrefix, Shape.MunicipalityCode),
        (GrainKeys.LabourMarketPrefix, Shape.MunicipalityCode),
        (GrainKeys.AgreementPrefix, Shape.CountyCodeThenId),
        (GrainKeys.ParticipantPrefix, Shape.CountyCodeThenId),
    ];

    /// <summary>
    /// The two-digit county code of a county-bound key, or false for any other key, including malformed ones.
    /// Never guesses from digits alone: a person's pseudonym may start with two digits.
    /// </summary>
    public static bool TryGetRegionCode(string grainKey, out string regionCode)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        foreach (var (prefix, shape) in CountyBound)
        {
            if (!grainKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = grainKey.AsSpan(prefix.Length);
            if (Fits(rest, shape))
            {
                regionCode = rest[..2].ToString();
                return true;
            }

            break;
        }

        regionCode = "";
        return false;
    }

    private static bool Fits(ReadOnlySpan<char> rest, Shape shape) => shape switch
    {
        Shape.CountyCode => rest.Length == 2 && AreDigits(rest),
        Shape.MunicipalityCode => rest.Length == 4 && AreDigits(rest),
        Shape.CountyCodeThenId => rest.Length > 3 && AreDigits(rest[..2]) && rest[2] == '-',
        _ => false,
    };

    private static bool AreDigits(ReadOnlySpan<char> span) => !span.ContainsAnyExceptInRange('0', '9');
}
