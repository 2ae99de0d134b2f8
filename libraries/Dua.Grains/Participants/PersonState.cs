using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Participants;

/// <summary>Persisted state of <see cref="PersonGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.PersonState")]
public sealed class PersonState
{
    /// <summary>The participant id of the person's open process, if any.</summary>
    [Id(0)] public string? OpenParticipantId { get; set; }

    /// <summary>Enrolment requests, with the participant each one made as its result.</summary>
    [Id(1)] public RequestLedger Requests { get; set; } = new();
}
