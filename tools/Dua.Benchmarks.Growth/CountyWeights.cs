using Dua.ReferenceData;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// How participants are spread over the 21 counties: by approximate population (thousands, end of 2024, rounded).
/// A load weight, not statistics: it makes Stockholm the biggest county and Gotland the smallest, as they are.
/// </summary>
public static class CountyWeights
{
    private static readonly Dictionary<string, int> PopulationThousands = new(StringComparer.Ordinal)
    {
        ["01"] = 2_454, ["03"] = 408, ["04"] = 300, ["05"] = 470, ["06"] = 371, ["07"] = 204, ["08"] = 247,
        ["09"] = 61, ["10"] = 157, ["12"] = 1_421, ["13"] = 341, ["14"] = 1_767, ["17"] = 283, ["18"] = 307,
        ["19"] = 280, ["20"] = 288, ["21"] = 288, ["22"] = 243, ["23"] = 132, ["24"] = 278, ["25"] = 249,
    };

    /// <summary>Every county with its weight; checked against the shipped county list, so none is missed.</summary>
    public static IReadOnlyList<(County County, int Weight)> All { get; } = Load();

    private static (County, int)[] Load()
    {
        var counties = Geography.Sweden.Counties;
        if (counties.Count != PopulationThousands.Count || counties.Any(c => !PopulationThousands.ContainsKey(c.Code)))
        {
            throw new InvalidOperationException("CountyWeights does not name exactly the shipped counties.");
        }

        return [.. counties.Select(c => (c, PopulationThousands[c.Code]))];
    }
}
