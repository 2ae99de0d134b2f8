using Dua.Domain.Agreements;
using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Statistics;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Grains.Participants;

/// <summary>
/// One participant's way through the modules (<see cref="ParticipantProcess"/>). Only this participant's state is
/// written for a step (plus the agreement's place count when entering or leaving a job track), so a step costs the
/// same in an agreement with ten participants or ten thousand.
/// </summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class ParticipantGrain(
    [PersistentState("participant", StorageNames.Platform)] IPersistentState<ParticipantState> state,
    IGrainFactory grains)
    : Grain, IParticipantGrain
{
    private string ParticipantId => this.GetPrimaryKeyString()[GrainKeys.ParticipantPrefix.Length..];

    public Task<ParticipantSnapshot?> GetAsync() => Task.FromResult(state.State.Participant);

    public async Task<ParticipantArea?> GetWithAreaAsync()
    {
        if (state.State.Participant is not { } participant)
        {
            return null;
        }

        // Concurrent readers may both ask the agreement once; they store the same answer.
        state.State.MunicipalityCodes ??= (await Agreement(participant).GetAsync())?.MunicipalityCodes.ToArray();
        return new ParticipantArea(participant, [.. state.State.MunicipalityCodes ?? []]);
    }

    public async Task<ParticipantSnapshot> CreateAsync(RequestKey request, Enrolment enrolment)
    {
        if (state.State.Participant is { } existing)
        {
            if (!state.State.Requests.IsReplay(request))
            {
                throw ParticipantProcess.AlreadyExists(ParticipantId);
            }

            await FeedStatisticsAsync(existing);
            return existing;
        }

        var participant = ParticipantProcess.Enrol(ParticipantId, enrolment, request.RequestId, DateTimeOffset.UtcNow);
        await SaveAsync(request, participant);
        await FeedStatisticsAsync(participant);
        return participant;
    }

    public async Task<ParticipantSnapshot> RecordAsync(RequestKey request, ProgressStep step)
    {
        var participant = ParticipantSnapshot.Existing(state.State.Participant, ParticipantId);
        if (!state.State.Requests.IsReplay(request))
        {
            participant = participant.Record(step, request.RequestId, DateTimeOffset.UtcNow);

            // The place is taken first: if this grain's write then fails, the retry finds the place already its own.
            if (step.Kind == ParticipantEventKind.JobTrackStarted)
            {
                await Agreement(participant).TakePlaceAsync(ParticipantId, step.JobTrackId!);
            }

            await SaveAsync(request, participant);
        }

        await CompleteExitAsync(participant);
        await FeedStatisticsAsync(participant);
        return participant;
    }

    // After an exit: free the job-track place and let the person enrol again. Both are idempotent, and a retried
    // exit runs them again, so a crash between the write and these calls heals on retry. Neither needs the other,
    // so they run side by side and their writes can share one group commit.
    private Task CompleteExitAsync(ParticipantSnapshot participant) =>
        participant.Status != ParticipantStatus.Exited
            ? Task.CompletedTask
            : Task.WhenAll(
                Agreement(participant).ReleasePlaceAsync(ParticipantId),
                grains.ByKey<IPersonGrain>(GrainKeys.Person(participant.Pseudonym)).ReleaseAsync(ParticipantId));

    // The county's aggregates take the step in before it is acknowledged; a retry feeds them again, in case the
    // first attempt's write landed and its feed did not.
    private Task FeedStatisticsAsync(ParticipantSnapshot participant) =>
        grains.ByKey<IRegionStatisticsGrain>(GrainKeys.RegionStatistics(AgreementIdFormat.CountyOf(participant.AgreementId)))
            .RecordParticipantAsync(StatisticsFacts.Of(participant));

    private async Task SaveAsync(RequestKey request, ParticipantSnapshot participant)
    {
        state.State.Participant = participant;
        state.State.Requests.Record(request);
        await state.WriteOrReloadAsync(this);
    }

    private IAgreementGrain Agreement(ParticipantSnapshot participant) =>
        grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(participant.AgreementId));
}
