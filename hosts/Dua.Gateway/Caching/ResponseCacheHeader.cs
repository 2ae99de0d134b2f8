namespace Dua.Gateway.Caching;

/// <summary>
/// The response header that says how the gateway's cache took part in an answer to an allow-listed method. The answer
/// itself (headers, message, trailers, <c>dua-served-by</c>) is the silo's either way.
/// </summary>
public static class ResponseCacheHeader
{
    public const string Name = "dua-cache";

    /// <summary>This call went to a silo; its answer may be stored for the next callers.</summary>
    public const string Miss = "miss";

    /// <summary>A stored answer, produced by a silo for an earlier identical call less than the time to live ago.</summary>
    public const string Hit = "hit";

    /// <summary>The answer of an identical call that was already on its way to a silo when this one arrived.</summary>
    public const string Shared = "shared";
}
