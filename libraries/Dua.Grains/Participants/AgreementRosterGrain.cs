using System.Collections.Immutable;
using Dua.Grains.Participants;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Participants;

namespace Dua.Grains.Participants;

/// <summary>One bucket of an agreement's participant ids, written once per enrolment.</summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class AgreementRosterGrain(
    [PersistentState("agreement-roster", StorageNames.Platform)] IPersistentState<AgreementRosterState> state)
    : Grain, IAgreementRosterGrain
{
    public async Task AddAsync(string participantId)
    {
        var ids = state.State.ParticipantIds;
        var at = ids.BinarySearch(participantId, StringComparer.Ordinal);
        if (at >= 0)
        {
            return;
        }

        ids.Insert(~at, participantId);
        await state.WriteOrReloadAsync(this);
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.ParticipantIds.ToImmutableArray());
}
