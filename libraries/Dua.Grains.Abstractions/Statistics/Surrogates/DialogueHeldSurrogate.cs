using System.Collections.Immutable;
using Dua.Domain.Statistics;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="DialogueHeld"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueHeld")]
public readonly record struct DialogueHeldSurrogate(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] ImmutableArray<string> Invited,
    [property: Id(2)] ImmutableArray<string> Started);

[RegisterConverter]
public sealed class DialogueHeldConverter : IConverter<DialogueHeld, DialogueHeldSurrogate>
{
    public DialogueHeld ConvertFromSurrogate(in DialogueHeldSurrogate surrogate) => new(surrogate.Date, surrogate.Invited, surrogate.Started);

    public DialogueHeldSurrogate ConvertToSurrogate(in DialogueHeld value) => new(value.Date, value.Invited, value.Started);
}
