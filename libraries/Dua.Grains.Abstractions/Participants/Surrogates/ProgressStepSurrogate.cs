using Dua.Domain.Participants;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Participants.Surrogates;

/// <summary>How a step travels to the participant's grain.</summary>
[GenerateSerializer, Immutable, Alias("dua.ProgressStep")]
public readonly record struct ProgressStepSurrogate(
    [property: Id(0)] ParticipantEventKind Kind,
    [property: Id(1)] DateOnly OccurredOn,
    [property: Id(2)] PathChoice PathChoice,
    [property: Id(3)] string? JobTrackId,
    [property: Id(4)] ExitOutcome Outcome);

[RegisterConverter]
public sealed class ProgressStepConverter : IConverter<ProgressStep, ProgressStepSurrogate>
{
    public ProgressStep ConvertFromSurrogate(in ProgressStepSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.OccurredOn, surrogate.PathChoice, surrogate.JobTrackId, surrogate.Outcome);

    public ProgressStepSurrogate ConvertToSurrogate(in ProgressStep value) =>
        new(value.Kind, value.OccurredOn, value.PathChoice, value.JobTrackId, value.Outcome);
}
