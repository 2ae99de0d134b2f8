using Dua.ReferenceData;
using Dua.Grains.Abstractions;

namespace Dua.Grains;

/// <summary>
/// Loads the shipped counties and municipalities into their grains. Idempotent: grains that already hold
/// the same data write nothing, so every silo may run it at start-up, concurrently.
/// </summary>
public sealed class GeographySeeder(IGrainFactory grains)
{
    /// <summary>Registers every county and municipality; returns how many grains changed.</summary>
    public async Task<int> SeedAsync(Geography geography, CancellationToken cancellationToken = default)
    {
        var writes = new List<Task<bool>>();
        foreach (var county in geography.Counties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var municipalities = geography.MunicipalitiesIn(county.Code);

            var region = new RegionInfo(
                county.Code,
                county.Name,
                [.. municipalities.Select(m => new MunicipalityRef(m.Code, m.Name))]);
            writes.Add(grains.ByKey<IRegionGrain>(GrainKeys.Region(county.Code)).RegisterAsync(region));

            foreach (var municipality in municipalities)
            {
                var info = new MunicipalityInfo(municipality.Code, municipality.Name, county.Code, county.Name);
                writes.Add(grains.ByKey<IMunicipalityGrain>(GrainKeys.Municipality(municipality.Code)).RegisterAsync(info));
            }
        }

        var changed = await Task.WhenAll(writes);
        return changed.Count(c => c);
    }
}
