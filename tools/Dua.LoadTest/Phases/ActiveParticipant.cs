using Dua.Contracts.V1;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Phases;

/// <summary>A participant with an open process that the write workload moves on, and the person behind it.</summary>
public sealed class ActiveParticipant(string participantId, Person person, IReadOnlyList<TargetGroup> targetGroups, SeededAgreement agreement)
{
    public string ParticipantId { get; private set; } = participantId;

    public Person Person { get; } = person;

    public IReadOnlyList<TargetGroup> TargetGroups { get; } = targetGroups;

    public SeededAgreement Agreement { get; } = agreement;

    public int Module { get; private set; } = 1;

    public PathChoice Path { get; private set; }

    /// <summary>Steps this run recorded for the current participant: numbers its request ids.</summary>
    public int StepsThisRun { get; set; }

    /// <summary>A job track refused a place (full or closed): exit rather than try another.</summary>
    public bool NoTrack { get; set; }

    public bool Exited { get; private set; }

    public void Update(Participant participant)
    {
        Module = participant.CurrentModule;
        Path = participant.PathChoice;
        Exited = participant.Status == ParticipantStatus.Exited;
    }

    /// <summary>After an exit, the same person enrolled again: a new participant in module 1.</summary>
    public void StartAgain(Participant participant)
    {
        ParticipantId = participant.ParticipantId;
        StepsThisRun = 0;
        NoTrack = false;
        Update(participant);
    }
}
