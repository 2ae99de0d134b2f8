using System.Collections.Immutable;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Dialogues;

/// <summary>What came of a dialogue: the invited municipalities that started work on a local agreement.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueOutcome")]
public sealed record DialogueOutcome(
    [property: Id(0)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(1)] DateTimeOffset RecordedAt);
