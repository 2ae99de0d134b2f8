using Dua.Domain.Requests;
using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Requests;

namespace Dua.Grains.Requests;

/// <summary>Persisted state of <see cref="CreateRequestGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.CreateRequestState")]
public sealed class CreateRequestState
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public string? EntityId { get; set; }

    /// <summary>The claim these fields hold, if any.</summary>
    public RequestClaim? Claim
    {
        get => EntityId is null ? null : new RequestClaim(Fingerprint!, EntityId);
        set => (Fingerprint, EntityId) = (value?.Fingerprint, value?.EntityId);
    }
}
