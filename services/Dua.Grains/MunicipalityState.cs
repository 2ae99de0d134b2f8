namespace Dua.Grains;

/// <summary>Persisted state of <see cref="MunicipalityGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.MunicipalityState")]
public sealed class MunicipalityState
{
    [Id(0)] public MunicipalityInfo? Info { get; set; }
}
