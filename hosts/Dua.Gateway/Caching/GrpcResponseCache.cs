using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Caching;

/// <summary>
/// Stored answers, each served for the time to live after it was produced, within a size bound; and the calls on
/// their way to a silo, so that identical calls arriving meanwhile wait for that one answer instead of sending their own.
/// </summary>
public sealed class GrpcResponseCache : IDisposable
{
    /// <summary>DI key of the clock the cache ages its answers by (the system clock; tests turn it by hand).</summary>
    public const string ClockKey = "Dua.Gateway.ResponseCache";

    private readonly MemoryCache _answers;
    private readonly ConcurrentDictionary<GrpcCacheKey, TaskCompletionSource<CachedGrpcResponse?>> _inFlight = new();
    private readonly TimeSpan _timeToLive;
    private long _joinedCalls;

    public GrpcResponseCache(IOptions<ResponseCacheOptions> options, [FromKeyedServices(ClockKey)] TimeProvider clock)
    {
        _timeToLive = options.Value.TimeToLive;
        _answers = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.Value.SizeLimitBytes,
            Clock = new TimeProviderClock(clock),
            // Expired answers are never served; this only returns their memory sooner than the next compaction.
            ExpirationScanFrequency = TimeSpan.FromSeconds(1),
        });
    }

    public bool TryGet(GrpcCacheKey key, out CachedGrpcResponse answer) => _answers.TryGetValue(key, out answer!);

    /// <summary>How many calls so far joined another's call to a silo instead of sending their own.</summary>
    public long JoinedCalls => Interlocked.Read(ref _joinedCalls);

    /// <summary>
    /// Joins the call for <paramref name="key"/> already on its way to a silo, or, when there is none, makes this call
    /// the one that goes. The one that goes must call <see cref="Complete"/> exactly once, whatever happens.
    /// </summary>
    /// <returns>Whether this call goes to a silo; the answer the others wait for (null when there is none to share).</returns>
    public (bool Leads, Task<CachedGrpcResponse?> Answer) JoinOrLead(GrpcCacheKey key)
    {
        var mine = new TaskCompletionSource<CachedGrpcResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _inFlight.GetOrAdd(key, mine);
        var leads = ReferenceEquals(flight, mine);
        if (!leads)
        {
            Interlocked.Increment(ref _joinedCalls);
        }

        return (leads, flight.Task);
    }

    /// <summary>Ends the call that went to a silo: stores its answer when there is one, then hands it to those waiting.</summary>
    public void Complete(GrpcCacheKey key, CachedGrpcResponse? answer)
    {
        if (answer is not null)
        {
            // Stored before the flight ends, so that a call arriving in between finds one or the other.
            _answers.Set(key, answer, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = _timeToLive,
                Size = key.EstimatedSize + answer.EstimatedSize,
            });
        }

        if (_inFlight.TryRemove(key, out var flight))
        {
            flight.TrySetResult(answer);
        }
    }

    public void Dispose() => _answers.Dispose();
}
