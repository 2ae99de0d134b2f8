using Dua.Grains.Abstractions;
namespace Dua.Grains.Abstractions.Dialogues;

/// <summary>A dialogue conference as it stands; open until its <see cref="Outcome"/> is recorded.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialogueSnapshot")]
public sealed record DialogueSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string RegionCode,
    [property: Id(2)] int Number,
    [property: Id(3)] DialoguePlan Plan,
    [property: Id(4)] DialogueOutcome? Outcome,
    [property: Id(5)] long Version,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt)
{
    public bool IsOpen => Outcome is null;
}
