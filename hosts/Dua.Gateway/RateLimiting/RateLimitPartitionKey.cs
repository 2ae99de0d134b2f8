namespace Dua.Gateway.RateLimiting;

/// <summary>
/// Whose bucket a request draws from: an authenticated caller's (subject within organisation), or, on the open paths,
/// the remote address's. A record, so that no separator in a subject can make two callers share a bucket.
/// </summary>
internal readonly record struct RateLimitPartitionKey(bool Authenticated, string Subject, string Organisation);
