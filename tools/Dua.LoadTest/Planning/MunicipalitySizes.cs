using System.Globalization;
using Dua.ReferenceData;

namespace Dua.LoadTest.Planning;

/// <summary>A municipality of the plan with the size it is weighted by.</summary>
public sealed record SizedMunicipality(string Code, string Name, string CountyCode, int PopulationEstimate, bool Listed);

/// <summary>
/// How big each of the 290 municipalities is taken to be, to spread participants and labour-market figures
/// roughly by size. A load weight, not statistics.
/// </summary>
/// <remarks>
/// The largest municipalities (about 45 k inhabitants or more) carry their approximate population at the end of
/// 2024, rounded to thousands (municipality-populations.csv). The other municipalities share what is left of
/// Sweden's 10,587,710 inhabitants (SCB, 31 December 2024): each gets the average of that rest, scaled by a
/// factor between 0.4 and 1.6 drawn from its code, so small places differ without anyone having to look them up.
/// The factor depends on the code only, not on the plan's seed: a municipality's size is not a random choice.
/// </remarks>
public static class MunicipalitySizes
{
    public const int SwedenPopulation = 10_587_710;

    public static IReadOnlyList<SizedMunicipality> All { get; } = Load();

    private static IReadOnlyList<SizedMunicipality> Load()
    {
        var listed = ReadListed();
        var geography = Geography.Sweden;
        foreach (var (code, _) in listed)
        {
            if (geography.FindMunicipality(code) is null)
            {
                throw new InvalidDataException($"municipality-populations.csv: {code} is not an SCB municipality code.");
            }
        }

        var rest = geography.Municipalities.Where(m => !listed.ContainsKey(m.Code)).ToArray();
        var average = (double)(SwedenPopulation - listed.Values.Sum()) / rest.Length;
        return geography.Municipalities
            .Select(m => listed.TryGetValue(m.Code, out var population)
                ? new SizedMunicipality(m.Code, m.Name, m.CountyCode, population, Listed: true)
                : new SizedMunicipality(m.Code, m.Name, m.CountyCode, (int)Math.Round(average * SizeFactor(m.Code)), Listed: false))
            .ToArray();
    }

    private static double SizeFactor(string code) => 0.4 + 1.2 * new PlanRandom(0, "municipality-size:" + code).NextDouble();

    private static Dictionary<string, int> ReadListed()
    {
        using var stream = typeof(MunicipalitySizes).Assembly.GetManifestResourceStream("Dua.LoadTest.municipality-populations.csv")
            ?? throw new InvalidOperationException("Embedded resource municipality-populations.csv is missing.");
        using var reader = new StreamReader(stream);
        if (reader.ReadLine() != "code,name,population_thousands")
        {
            throw new InvalidDataException("municipality-populations.csv: unexpected header.");
        }

        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            listed.Add(fields[0], int.Parse(fields[2], CultureInfo.InvariantCulture) * 1000);
        }

        return listed;
    }
}
