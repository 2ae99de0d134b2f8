using System.Collections.Immutable;
using Dua.Domain.Participants;

namespace Dua.Grains.Abstractions.Participants;

/// <summary>
/// A participant with the municipalities of its agreement, which never change: what an access check needs, from
/// one grain call. Ids are its serialized form: never renumber or reuse them.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantArea")]
public sealed record ParticipantArea(
    [property: Id(0)] ParticipantSnapshot Participant,
    [property: Id(1)] ImmutableArray<string> MunicipalityCodes);
