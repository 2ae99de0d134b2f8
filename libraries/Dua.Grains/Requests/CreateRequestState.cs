namespace Dua.Grains;

/// <summary>Persisted state of <see cref="CreateRequestGrain"/>. Ids are stable: never renumber or reuse them.</summary>
[GenerateSerializer, Alias("dua.CreateRequestState")]
public sealed class CreateRequestState
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public string? EntityId { get; set; }
}
