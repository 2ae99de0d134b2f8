using System.Collections.Immutable;
using Dua.Grains.Agreements;

namespace Dua.Grains.Participants;

/// <summary>A participant as it stands, with the whole history.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantSnapshot")]
public sealed record ParticipantSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string AgreementId,
    [property: Id(2)] string Pseudonym,
    [property: Id(3)] AgeBand AgeBand,
    [property: Id(4)] ImmutableArray<TargetGroup> TargetGroups,
    [property: Id(5)] ParticipantStatus Status,
    [property: Id(6)] int CurrentModule,
    [property: Id(7)] PathChoice PathChoice,
    [property: Id(8)] string? JobTrackId,
    [property: Id(9)] ExitOutcome Outcome,
    [property: Id(10)] ImmutableArray<ParticipantEvent> History,
    [property: Id(11)] long Version);
