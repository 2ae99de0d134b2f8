using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Dialogues;

namespace Dua.Grains.Dialogues;

/// <summary>Persisted state of <see cref="RegionDialoguesGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.RegionDialoguesState")]
public sealed class RegionDialoguesState
{
    /// <summary>The county's dialogues by number: a few a year.</summary>
    [Id(0)] public Dictionary<int, DialogueSnapshot> Dialogues { get; set; } = [];

    /// <summary>Dialogue numbers are never reused.</summary>
    [Id(1)] public int NextNumber { get; set; } = 1;

    [Id(2)] public RequestLedger Requests { get; set; } = new();
}
