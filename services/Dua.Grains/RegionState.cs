namespace Dua.Grains;

/// <summary>Persisted state of <see cref="RegionGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.RegionState")]
public sealed class RegionState
{
    [Id(0)] public RegionInfo? Info { get; set; }
}
