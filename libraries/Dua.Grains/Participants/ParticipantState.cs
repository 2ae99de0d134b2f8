using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Participants;

/// <summary>Persisted state of <see cref="ParticipantGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.ParticipantState")]
public sealed class ParticipantState
{
    [Id(0)] public ParticipantSnapshot? Participant { get; set; }

    [Id(1)] public RequestLedger Requests { get; set; } = new();

    /// <summary>
    /// The agreement's municipalities (they never change), kept for access checks. Null in states written before
    /// it existed: then read from the agreement once and stored with the participant's next write.
    /// </summary>
    [Id(2)] public string[]? MunicipalityCodes { get; set; }
}
