namespace Dua.Grains;

/// <summary>
/// Identifies one mutating request: the client's id and a fingerprint of its content. A grain applies each
/// request id once; a retry returns the first outcome, and the same id with other content is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("dua.RequestKey")]
public sealed record RequestKey(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Fingerprint);
