using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Participants;
namespace Dua.Grains.Participants;

/// <summary>Persisted state of <see cref="AgreementRosterGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.AgreementRosterState")]
public sealed class AgreementRosterState
{
    [Id(0)] public List<string> ParticipantIds { get; set; } = [];
}
