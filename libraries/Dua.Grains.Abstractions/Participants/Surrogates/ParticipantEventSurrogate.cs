using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants.Surrogates;

/// <summary>How one step of a participant's history is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.ParticipantEvent")]
public readonly record struct ParticipantEventSurrogate(
    [property: Id(0)] ParticipantEventKind Kind,
    [property: Id(1)] DateOnly OccurredOn,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string RequestId,
    [property: Id(4)] PathChoice PathChoice,
    [property: Id(5)] string? JobTrackId,
    [property: Id(6)] ExitOutcome Outcome);

[RegisterConverter]
public sealed class ParticipantEventConverter : IConverter<ParticipantEvent, ParticipantEventSurrogate>
{
    public ParticipantEvent ConvertFromSurrogate(in ParticipantEventSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.OccurredOn, surrogate.RecordedAt, surrogate.RequestId, surrogate.PathChoice,
            surrogate.JobTrackId, surrogate.Outcome);

    public ParticipantEventSurrogate ConvertToSurrogate(in ParticipantEvent value) =>
        new(value.Kind, value.OccurredOn, value.RecordedAt, value.RequestId, value.PathChoice, value.JobTrackId,
            value.Outcome);
}
