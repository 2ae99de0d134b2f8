using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="DialogueFacts"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueFacts")]
public readonly record struct DialogueFactsSurrogate(
    [property: Id(0)] string CountyCode,
    [property: Id(1)] long Version,
    [property: Id(2)] int Open,
    [property: Id(3)] ImmutableArray<DialogueHeld> Held);

[RegisterConverter]
public sealed class DialogueFactsConverter : IConverter<DialogueFacts, DialogueFactsSurrogate>
{
    public DialogueFacts ConvertFromSurrogate(in DialogueFactsSurrogate surrogate) =>
        new(surrogate.CountyCode, surrogate.Version, surrogate.Open, surrogate.Held.IsDefault ? [] : surrogate.Held);

    public DialogueFactsSurrogate ConvertToSurrogate(in DialogueFacts value) =>
        new(value.CountyCode, value.Version, value.Open, value.Held);
}
