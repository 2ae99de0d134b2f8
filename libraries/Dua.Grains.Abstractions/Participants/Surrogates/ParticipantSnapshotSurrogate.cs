using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants.Surrogates;

/// <summary>How a participant is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantSnapshot")]
public readonly record struct ParticipantSnapshotSurrogate(
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

[RegisterConverter]
public sealed class ParticipantSnapshotConverter : IConverter<ParticipantSnapshot, ParticipantSnapshotSurrogate>
{
    public ParticipantSnapshot ConvertFromSurrogate(in ParticipantSnapshotSurrogate surrogate) =>
        new(surrogate.Id, surrogate.AgreementId, surrogate.Pseudonym, surrogate.AgeBand, surrogate.TargetGroups,
            surrogate.Status, surrogate.CurrentModule, surrogate.PathChoice, surrogate.JobTrackId, surrogate.Outcome,
            surrogate.History, surrogate.Version);

    public ParticipantSnapshotSurrogate ConvertToSurrogate(in ParticipantSnapshot value) =>
        new(value.Id, value.AgreementId, value.Pseudonym, value.AgeBand, value.TargetGroups, value.Status,
            value.CurrentModule, value.PathChoice, value.JobTrackId, value.Outcome, value.History, value.Version);
}
