namespace Dua.Domain.Requests;

/// <summary>
/// Which entity a create request made. The entity's own ledger recognises retries only when they reach it; the
/// claim also catches a request id reused with other content that would derive another entity id.
/// </summary>
public sealed record RequestClaim(string Fingerprint, string EntityId)
{
    /// <summary>The entity a request makes: the one claimed first when the request is a retry of the claim.</summary>
    public static RequestClaim Claim(RequestClaim? existing, RequestKey request, string entityId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return existing is not null && request.IsRetryOf(existing.Fingerprint) ? existing : new RequestClaim(request.Fingerprint, entityId);
    }

    /// <summary>Whether <paramref name="request"/> is the one that made this claim (and so may release it).</summary>
    public bool IsMadeBy(RequestKey request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Fingerprint == Fingerprint;
    }
}
