using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Requests;

namespace Dua.Grains.Requests;

/// <summary>One create request id and the entity it made (<see cref="RequestClaim"/>).</summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class CreateRequestGrain(
    [PersistentState("create-request", StorageNames.Platform)] IPersistentState<CreateRequestState> state)
    : Grain, ICreateRequestGrain
{
    public async Task<string> ClaimAsync(RequestKey request, string entityId)
    {
        var claim = RequestClaim.Claim(state.State.Claim, request, entityId);
        if (state.State.Claim is null)
        {
            state.State.Claim = claim;
            await state.WriteOrReloadAsync(this);
        }

        return claim.EntityId;
    }

    public async Task ForgetAsync(RequestKey request)
    {
        if (state.State.Claim?.IsMadeBy(request) == true)
        {
            await state.ClearStateAsync();
        }
    }
}
