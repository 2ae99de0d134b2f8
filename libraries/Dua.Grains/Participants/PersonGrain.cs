using Dua.Grains.Agreements;
using Dua.Grains.Participants;

namespace Dua.Grains;

/// <summary>
/// One person, by pseudonym: enforces one open process at a time and drives an enrolment through its steps
/// (admission by the agreement, the participant, the roster). Each step is idempotent, so a retried enrolment
/// completes whatever a failed attempt left undone and never makes a second participant.
/// </summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class PersonGrain(
    [PersistentState("person", StorageNames.Platform)] IPersistentState<PersonState> state,
    IGrainFactory grains)
    : Grain, IPersonGrain
{
    public async Task<ParticipantSnapshot> EnrolAsync(RequestKey request, Enrolment enrolment)
    {
        if (state.State.Requests.IsReplay(request))
        {
            var earlier = await Participant(state.State.Requests.ResultOf(request)!).GetAsync();
            return earlier!;
        }

        if (state.State.OpenParticipantId is { } open && await IsActiveAsync(open))
        {
            throw DomainException.Precondition("one-open-process-per-person",
                $"This person already has an open process (participant {open}); it must end with an exit before a new enrolment.");
        }

        var agreement = grains.GetGrain<IAgreementGrain>(GrainKeys.Agreement(enrolment.AgreementId));
        var number = await agreement.AdmitParticipantAsync(request);
        var participantId = $"{enrolment.AgreementId}-p{number:D6}";
        var participant = await Participant(participantId).CreateAsync(request, enrolment);
        await grains.GetGrain<IAgreementRosterGrain>(GrainKeys.Roster(enrolment.AgreementId, number / IAgreementRosterGrain.BucketSize))
            .AddAsync(participantId);

        state.State.OpenParticipantId = participantId;
        state.State.Requests.Record(request, participantId);
        await state.WriteOrReloadAsync(this);
        return participant;
    }

    public async Task ReleaseAsync(string participantId)
    {
        if (state.State.OpenParticipantId == participantId)
        {
            state.State.OpenParticipantId = null;
            await state.WriteOrReloadAsync(this);
        }
    }

    // The open process may have ended without the release reaching this grain (a crash in between).
    private async Task<bool> IsActiveAsync(string participantId) =>
        (await Participant(participantId).GetAsync())?.Status == ParticipantStatus.Active;

    private IParticipantGrain Participant(string participantId) => grains.GetGrain<IParticipantGrain>(GrainKeys.Participant(participantId));
}
