using System.Collections.Immutable;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Dialogues;

/// <summary>What scheduling a dialogue needs; validated for shape at the edge.</summary>
[GenerateSerializer, Immutable, Alias("dua.DialoguePlan")]
public sealed record DialoguePlan(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Venue,
    [property: Id(2)] string Title,
    [property: Id(3)] ImmutableArray<string> InvitedMunicipalityCodes);
