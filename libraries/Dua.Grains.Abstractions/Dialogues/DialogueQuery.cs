using Dua.Grains.Abstractions;
namespace Dua.Grains.Abstractions.Dialogues;

/// <summary>Which of a county's dialogues to list, in number order: those after <see cref="AfterNumber"/>, at most <see cref="Limit"/>.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueQuery")]
public sealed record DialogueQuery(
    [property: Id(0)] bool OnlyOpen,
    [property: Id(1)] int AfterNumber,
    [property: Id(2)] int Limit);
