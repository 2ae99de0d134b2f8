namespace Dua.Domain.Participants;

/// <summary>
/// A participant's way through the modules: 1 introduction, 2 job preparation ending in a path choice, 3 a local
/// job track (after the path WORK), and an exit from any module. One open process per person at a time.
/// </summary>
public static class ParticipantProcess
{
    /// <summary>A new participant in module 1, with its enrolment as the first event of its history.</summary>
    public static ParticipantSnapshot Enrol(string participantId, Enrolment enrolment, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var enrolled = new ParticipantEvent(ParticipantEventKind.Enrolled, enrolment.EnrolledOn, now, requestId);
        return new ParticipantSnapshot(
            participantId, enrolment.AgreementId, enrolment.Pseudonym, enrolment.AgeBand, enrolment.TargetGroups,
            ParticipantStatus.Active, CurrentModule: 1, PathChoice.Unspecified, JobTrackId: null, ExitOutcome.Unspecified,
            History: [enrolled], Version: 1);
    }

    /// <summary>A participant under this id exists already: only a retry of its own enrolment may name it again.</summary>
    public static DomainRuleException AlreadyExists(string participantId) =>
        DomainRuleException.Precondition("participant-exists", $"Participant {participantId} already exists.");

    /// <summary>A person enrols again only after their open process ended with an exit.</summary>
    /// <param name="openParticipantId">The person's process that is still active, if any.</param>
    public static void RequireNoOpenProcess(string? openParticipantId)
    {
        if (openParticipantId is not null)
        {
            throw DomainRuleException.Precondition("one-open-process-per-person",
                $"This person already has an open process (participant {openParticipantId}); it must end with an exit before a new enrolment.");
        }
    }

    /// <summary>
    /// The participant after <paramref name="step"/>. Entering a job track also needs a place on it, which its
    /// agreement gives (<see cref="JobTracks.JobTrackPlaces.TakePlace"/>).
    /// </summary>
    public static ParticipantSnapshot Record(this ParticipantSnapshot participant, ProgressStep step, string requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(step);
        if (participant.Status == ParticipantStatus.Exited)
        {
            throw DomainRuleException.Precondition("participant-exited", $"Participant {participant.Id} has exited; a new process starts with a new enrolment.");
        }

        var previous = participant.History[^1].OccurredOn;
        if (step.OccurredOn < previous)
        {
            throw DomainRuleException.InvalidValue(ProgressStep.OccurredOnField, $"must not be before the previous step ({previous:yyyy-MM-dd})");
        }

        var changed = step.Kind switch
        {
            ParticipantEventKind.JobPreparationStarted => StartJobPreparation(participant),
            ParticipantEventKind.PathChosen => ChoosePath(participant, step.PathChoice),
            ParticipantEventKind.JobTrackStarted => StartJobTrack(participant, step.JobTrackId!),
            ParticipantEventKind.Exited => participant with
            {
                Status = ParticipantStatus.Exited,
                CurrentModule = 0,
                JobTrackId = null,
                Outcome = step.Outcome,
            },
            _ => throw DomainRuleException.InvalidValue(ProgressStep.Field, "is not a step a caller can record"),
        };

        var recorded = new ParticipantEvent(step.Kind, step.OccurredOn, now, requestId, step.PathChoice, step.JobTrackId, step.Outcome);
        return changed with { History = participant.History.Add(recorded), Version = participant.Version + 1 };
    }

    private static ParticipantSnapshot StartJobPreparation(ParticipantSnapshot participant) =>
        participant.CurrentModule == 1
            ? participant with { CurrentModule = 2 }
            : throw DomainRuleException.Precondition("job-preparation-follows-module-1",
                $"Job preparation (module 2) follows module 1; participant {participant.Id} is in module {participant.CurrentModule}.");

    private static ParticipantSnapshot ChoosePath(ParticipantSnapshot participant, PathChoice choice)
    {
        if (participant.CurrentModule != 2)
        {
            throw DomainRuleException.Precondition("path-choice-ends-module-2",
                $"The path choice ends module 2; participant {participant.Id} is in module {participant.CurrentModule}.");
        }

        return participant.PathChoice == PathChoice.Unspecified
            ? participant with { PathChoice = choice }
            : throw DomainRuleException.Precondition("path-already-chosen", $"Participant {participant.Id} has already chosen a path.");
    }

    private static ParticipantSnapshot StartJobTrack(ParticipantSnapshot participant, string jobTrackId)
    {
        if (participant.CurrentModule != 2 || participant.PathChoice != PathChoice.Work)
        {
            throw DomainRuleException.Precondition("job-track-needs-work-path",
                $"A local job track (module 3) follows module 2 with the path WORK chosen; participant {participant.Id} is in module {participant.CurrentModule}" +
                $"{(participant.PathChoice == PathChoice.Unspecified ? " without a path choice" : $" with the path {participant.PathChoice.ToString().ToUpperInvariant()}")}.");
        }

        return participant with { CurrentModule = 3, JobTrackId = jobTrackId };
    }
}
