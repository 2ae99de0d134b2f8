namespace Dua.Domain.Requests;

/// <summary>
/// Identifies one mutating request: the client's id and a fingerprint of its content. Each request id is applied
/// once; a retry gets the first outcome, and the same id with other content is refused.
/// </summary>
public sealed record RequestKey(string RequestId, string Fingerprint)
{
    /// <summary>The field a reused request id is refused on.</summary>
    public const string Field = "requestId";

    /// <summary>
    /// True when <paramref name="fingerprint"/>, recorded with this request id earlier, is this request's own: a
    /// retry. The same id recorded with other content is refused.
    /// </summary>
    public bool IsRetryOf(string? fingerprint) =>
        fingerprint == Fingerprint
            ? true
            : throw DomainRuleException.InvalidValue(Field, $"request id '{RequestId}' was already used for a different request");
}
