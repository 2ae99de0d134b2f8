using System.Collections.Immutable;
using Dua.Domain.Agreements;

namespace Dua.Domain.Participants;

/// <summary>A participant as it stands, with the whole history; its process is in <see cref="ParticipantProcess"/>.</summary>
public sealed record ParticipantSnapshot(
    string Id,
    string AgreementId,
    string Pseudonym,
    AgeBand AgeBand,
    ImmutableArray<TargetGroup> TargetGroups,
    ParticipantStatus Status,
    int CurrentModule,
    PathChoice PathChoice,
    string? JobTrackId,
    ExitOutcome Outcome,
    ImmutableArray<ParticipantEvent> History,
    long Version)
{
    /// <summary>The entity kind an unknown participant is reported as.</summary>
    public const string Entity = "Participant";

    /// <summary>The participant, or NOT_FOUND when none was enrolled under <paramref name="id"/>.</summary>
    public static ParticipantSnapshot Existing(ParticipantSnapshot? participant, string id) =>
        participant ?? throw DomainRuleException.NotFound(Entity, $"Participant '{id}' was not found.");
}
