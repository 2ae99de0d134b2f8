using Microsoft.Extensions.Internal;

namespace Dua.Gateway.Caching;

/// <summary>MemoryCache still takes its clock as an <see cref="ISystemClock"/>; this one reads a <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
