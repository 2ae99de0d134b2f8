namespace Dua.Grains;

/// <summary>The live state of one county; keyed by <see cref="GrainKeys.Region"/>.</summary>
[Alias("dua.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>The county, or null when no county has been registered under this key.</summary>
    [Alias("Get")]
    Task<RegionInfo?> GetAsync();

    /// <summary>Stores the county's reference data; returns false, and writes nothing, when it is already stored.</summary>
    [Alias("Register")]
    Task<bool> RegisterAsync(RegionInfo region);
}
