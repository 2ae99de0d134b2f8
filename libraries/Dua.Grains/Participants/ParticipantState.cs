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
}
