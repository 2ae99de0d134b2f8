using Dua.Domain.Requests;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Requests;

/// <summary>
/// Remembers which entity a create request made; keyed by <see cref="GrainKeys.CreateRequest"/>. The entity's own
/// grain recognises retries only when they reach it; this catches a request id reused with other content that
/// would derive another entity id (another county, say).
/// </summary>
[Alias("dua.ICreateRequestGrain")]
public interface ICreateRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the request id for <paramref name="entityId"/>; a retry gets the id it claimed first. The same id with
    /// other content is refused.
    /// </summary>
    [Alias("Claim")]
    Task<string> ClaimAsync(RequestKey request, string entityId);

    /// <summary>Releases a claim whose request was then refused, so that a refused request leaves no trace. Only the claimant's own content can release it.</summary>
    [Alias("Forget")]
    Task ForgetAsync(RequestKey request);
}
