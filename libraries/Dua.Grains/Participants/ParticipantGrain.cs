using Dua.Grains.Agreements;
using Dua.Grains.Participants;
using Dua.Grains.Statistics;

namespace Dua.Grains;

/// <summary>
/// One participant's way through the modules: 1 introduction, 2 job preparation ending in a path choice, 3 a
/// local job track, and an exit from any module. Only this participant's state is written for a step (plus the
/// agreement's place count when entering or leaving a job track), so a step costs the same in an agreement with
/// ten participants or ten thousand.
/// </summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class ParticipantGrain(
    [PersistentState("participant", StorageNames.Platform)] IPersistentState<ParticipantState> state,
    IGrainFactory grains)
    : Grain, IParticipantGrain
{
    private string ParticipantId => this.GetPrimaryKeyString()[GrainKeys.ParticipantPrefix.Length..];

    public Task<ParticipantSnapshot?> GetAsync() => Task.FromResult(state.State.Participant);

    public async Task<ParticipantSnapshot> CreateAsync(RequestKey request, Enrolment enrolment)
    {
        if (state.State.Participant is { } existing)
        {
            if (!state.State.Requests.IsReplay(request))
            {
                throw DomainException.Precondition("participant-exists", $"Participant {ParticipantId} already exists.");
            }

            await FeedStatisticsAsync(existing);
            return existing;
        }

        var enrolled = new ParticipantEvent(ParticipantEventKind.Enrolled, enrolment.EnrolledOn, DateTimeOffset.UtcNow, request.RequestId);
        var participant = new ParticipantSnapshot(
            ParticipantId, enrolment.AgreementId, enrolment.Pseudonym, enrolment.AgeBand, enrolment.TargetGroups,
            ParticipantStatus.Active, CurrentModule: 1, PathChoice.Unspecified, JobTrackId: null, ExitOutcome.Unspecified,
            History: [enrolled], Version: 1);
        await SaveAsync(request, participant);
        await FeedStatisticsAsync(participant);
        return participant;
    }

    public async Task<ParticipantSnapshot> RecordAsync(RequestKey request, ProgressStep step)
    {
        var participant = state.State.Participant
            ?? throw DomainException.NotFound("dua.v1.Participant", $"Participant '{ParticipantId}' was not found.");
        if (state.State.Requests.IsReplay(request))
        {
            await CompleteExitAsync(participant);
            await FeedStatisticsAsync(participant);
            return participant;
        }

        if (participant.Status == ParticipantStatus.Exited)
        {
            throw DomainException.Precondition("participant-exited", $"Participant {ParticipantId} has exited; a new process starts with a new enrolment.");
        }

        var previous = participant.History[^1].OccurredOn;
        if (step.OccurredOn < previous)
        {
            throw DomainException.InvalidField("occurred_on", $"must not be before the previous step ({previous:yyyy-MM-dd})");
        }

        var changed = step.Kind switch
        {
            ParticipantEventKind.JobPreparationStarted => StartJobPreparation(participant),
            ParticipantEventKind.PathChosen => ChoosePath(participant, step.PathChoice),
            ParticipantEventKind.JobTrackStarted => await StartJobTrackAsync(participant, step.JobTrackId!),
            ParticipantEventKind.Exited => participant with
            {
                Status = ParticipantStatus.Exited,
                CurrentModule = 0,
                JobTrackId = null,
                Outcome = step.Outcome,
            },
            _ => throw DomainException.InvalidField("step", "is not a step a caller can record"),
        };

        var recorded = new ParticipantEvent(step.Kind, step.OccurredOn, DateTimeOffset.UtcNow, request.RequestId, step.PathChoice, step.JobTrackId, step.Outcome);
        changed = changed with { History = participant.History.Add(recorded), Version = participant.Version + 1 };
        await SaveAsync(request, changed);
        await CompleteExitAsync(changed);
        await FeedStatisticsAsync(changed);
        return changed;
    }

    private ParticipantSnapshot StartJobPreparation(ParticipantSnapshot participant) =>
        participant.CurrentModule == 1
            ? participant with { CurrentModule = 2 }
            : throw DomainException.Precondition("job-preparation-follows-module-1",
                $"Job preparation (module 2) follows module 1; participant {ParticipantId} is in module {participant.CurrentModule}.");

    private ParticipantSnapshot ChoosePath(ParticipantSnapshot participant, PathChoice choice)
    {
        if (participant.CurrentModule != 2)
        {
            throw DomainException.Precondition("path-choice-ends-module-2",
                $"The path choice ends module 2; participant {ParticipantId} is in module {participant.CurrentModule}.");
        }

        return participant.PathChoice == PathChoice.Unspecified
            ? participant with { PathChoice = choice }
            : throw DomainException.Precondition("path-already-chosen", $"Participant {ParticipantId} has already chosen a path.");
    }

    private async Task<ParticipantSnapshot> StartJobTrackAsync(ParticipantSnapshot participant, string jobTrackId)
    {
        if (participant.CurrentModule != 2 || participant.PathChoice != PathChoice.Work)
        {
            throw DomainException.Precondition("job-track-needs-work-path",
                $"A local job track (module 3) follows module 2 with the path WORK chosen; participant {ParticipantId} is in module {participant.CurrentModule}" +
                $"{(participant.PathChoice == PathChoice.Unspecified ? " without a path choice" : $" with the path {participant.PathChoice.ToString().ToUpperInvariant()}")}.");
        }

        // The place is taken first: if this grain's write then fails, the retry finds the place already its own.
        await Agreement(participant).TakePlaceAsync(ParticipantId, jobTrackId);
        return participant with { CurrentModule = 3, JobTrackId = jobTrackId };
    }

    // After an exit: free the job-track place and let the person enrol again. Both are idempotent, and a retried
    // exit runs them again, so a crash between the write and these calls heals on retry.
    private async Task CompleteExitAsync(ParticipantSnapshot participant)
    {
        if (participant.Status != ParticipantStatus.Exited)
        {
            return;
        }

        await Agreement(participant).ReleasePlaceAsync(ParticipantId);

        await grains.GetGrain<IPersonGrain>(GrainKeys.Person(participant.Pseudonym)).ReleaseAsync(ParticipantId);
    }

    // The county's aggregates take the step in before it is acknowledged; a retry feeds them again, in case the
    // first attempt's write landed and its feed did not.
    private Task FeedStatisticsAsync(ParticipantSnapshot participant) =>
        grains.GetGrain<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(participant.AgreementId[..2]))
            .RecordParticipantAsync(StatisticsFacts.Of(participant));

    private async Task SaveAsync(RequestKey request, ParticipantSnapshot participant)
    {
        state.State.Participant = participant;
        state.State.Requests.Record(request);
        await state.WriteOrReloadAsync(this);
    }

    private IAgreementGrain Agreement(ParticipantSnapshot participant) =>
        grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(participant.AgreementId));
}
