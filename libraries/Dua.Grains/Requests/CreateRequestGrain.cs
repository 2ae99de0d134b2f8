namespace Dua.Grains;

/// <summary>One create request id and the entity it made.</summary>
[CollectionAgeLimit(Minutes = IdleActivations.Minutes)]
public sealed class CreateRequestGrain(
    [PersistentState("create-request", StorageNames.Platform)] IPersistentState<CreateRequestState> state)
    : Grain, ICreateRequestGrain
{
    public async Task<string> ClaimAsync(RequestKey request, string entityId)
    {
        if (state.State.EntityId is { } claimed)
        {
            return state.State.Fingerprint == request.Fingerprint
                ? claimed
                : throw DomainException.InvalidField("request_id", $"request_id '{request.RequestId}' was already used for a different request");
        }

        state.State.Fingerprint = request.Fingerprint;
        state.State.EntityId = entityId;
        await state.WriteOrReloadAsync(this);
        return entityId;
    }

    public async Task ForgetAsync(RequestKey request)
    {
        if (state.State.EntityId is not null && state.State.Fingerprint == request.Fingerprint)
        {
            await state.ClearStateAsync();
        }
    }
}
