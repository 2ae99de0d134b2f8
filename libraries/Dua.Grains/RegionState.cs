using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;

namespace Dua.Grains;

/// <summary>Persisted state of <see cref="RegionGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.RegionState")]
public sealed class RegionState
{
    [Id(0)] public RegionInfo? Info { get; set; }

    /// <summary>Its agreements by id: a few per municipality, a few hundred per county at most.</summary>
    [Id(1)] public Dictionary<string, AgreementIndexEntry> Agreements { get; set; } = [];
}
