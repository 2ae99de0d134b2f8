using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains;

/// <summary>Persisted state of <see cref="MunicipalityGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.MunicipalityState")]
public sealed class MunicipalityState
{
    [Id(0)] public MunicipalityInfo? Info { get; set; }

    /// <summary>Its agreements by id: a few per municipality, a few hundred per county at most.</summary>
    [Id(1)] public Dictionary<string, AgreementIndexEntry> Agreements { get; set; } = [];
}
