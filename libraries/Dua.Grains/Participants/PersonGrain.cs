using Dua.Domain.Participants;
using Dua.Domain.Requests;
using Dua.Grains.Agreements;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Agreements;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Participants;

/// <summary>
/// One person, by pseudonym: keeps one open process at a time (<see cref="ParticipantProcess.RequireNoOpenProcess"/>)
/// and drives an enrolment through its steps (admission by the agreement, the person's record, the participant). Each step
/// is idempotent, so a retried enrolment completes whatever a failed attempt left undone and never makes a second
/// participant.
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
            // A retry: the participant may not exist yet if the first attempt failed after this grain's write.
            return await Participant(state.State.Requests.ResultOf(request)!).CreateAsync(request, enrolment);
        }

        ParticipantProcess.RequireNoOpenProcess(await OpenProcessAsync());

        var number = await grains.ByKey<IAgreementGrain>(GrainKeys.Agreement(enrolment.AgreementId)).AdmitParticipantAsync(request);
        var participantId = ParticipantIdFormat.Of(enrolment.AgreementId, number);

        // The person records the participant before it exists, so a retry finds the same number. The participant's
        // own write comes last: it is the one that acknowledges the enrolment.
        state.State.OpenParticipantId = participantId;
        state.State.Requests.Record(request, participantId);
        await state.WriteOrReloadAsync(this);
        return await Participant(participantId).CreateAsync(request, enrolment);
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
    private async Task<string?> OpenProcessAsync() =>
        state.State.OpenParticipantId is { } open && (await Participant(open).GetAsync())?.Status == ParticipantStatus.Active ? open : null;

    private IParticipantGrain Participant(string participantId) => grains.ByKey<IParticipantGrain>(GrainKeys.Participant(participantId));
}
