namespace Dua.Grains;

/// <summary>
/// Builds the string keys of the platform's grains.
/// </summary>
/// <remarks>
/// Every key carries a non-hex prefix: Orleans may read a key made only of hex digits as an integer key
/// (dotnet/orleans#9706), so "0180" and "180" would load the same state. The prefix also keeps the
/// county code readable at the front of every key, which region-affinity placement relies on.
/// </remarks>
public static class GrainKeys
{
    public const string RegionPrefix = "region-";
    public const string MunicipalityPrefix = "municipality-";

    public static string Region(string regionCode) => RegionPrefix + regionCode;

    public static string Municipality(string municipalityCode) => MunicipalityPrefix + municipalityCode;
}
