using Dua.LoadTest.Planning;
using Dua.ReferenceData;

namespace Dua.LoadTest.Tests;

public sealed class MunicipalitySizesTests
{
    [Fact]
    public void Listed_populations_name_the_municipality_their_code_stands_for()
    {
        // The file carries names only so that a wrong code shows: each must match SCB's list.
        using var stream = typeof(MunicipalitySizes).Assembly.GetManifestResourceStream("Dua.LoadTest.municipality-populations.csv")!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = 0;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split(',');
            Assert.Equal(Geography.Sweden.FindMunicipality(fields[0])?.Name, fields[1]);
            rows++;
        }

        Assert.True(rows > 50, $"{rows} rows");
    }

    [Fact]
    public void Sizes_add_up_to_about_the_population_of_Sweden()
    {
        var total = MunicipalitySizes.All.Sum(m => (long)m.PopulationEstimate);
        Assert.Equal(290, MunicipalitySizes.All.Count);
        Assert.InRange(total, MunicipalitySizes.SwedenPopulation * 0.9, MunicipalitySizes.SwedenPopulation * 1.1);
        Assert.All(MunicipalitySizes.All.Where(m => !m.Listed), m => Assert.InRange(m.PopulationEstimate, 1_000, 60_000));
    }
}
