namespace Dua.Gateway.Caching;

/// <summary>
/// Which view of the data a caller is entitled to. Part of every cache key, so that callers who may be shown different
/// answers to the same request never share a stored answer.
/// </summary>
public interface ICallerView
{
    /// <summary>
    /// A value equal for all callers who must get the same answer to the same request; <c>null</c> when the call must
    /// not take part in the cache at all (it is neither served a stored answer nor stores its own).
    /// </summary>
    string? KeyOf(HttpContext context);
}
