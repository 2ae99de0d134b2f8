namespace Dua.Grains.Statistics;

/// <summary>What the aggregates need of a county's dialogues; <see cref="Version"/> counts the county's dialogue changes.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueFacts")]
public sealed record DialogueFacts(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] long Version,
    [property: Id(2)] int Open);
