using Dua.Grains.Abstractions;
using Dua.Grains.Abstractions.Statistics;

namespace Dua.Silo.Telemetry;

/// <summary>
/// Times the calls that feed a change's facts to its county's statistics (<see cref="IRegionStatisticsGrain"/>'s
/// <c>Record*</c> methods, made before every write is acknowledged), and marks the county as having a change its
/// summaries have yet to show.
/// </summary>
public sealed class StatisticsFeedFilter(SiloMetrics metrics, SummaryFreshness freshness) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType != typeof(IRegionStatisticsGrain) || !context.MethodName.StartsWith("Record", StringComparison.Ordinal))
        {
            await context.Invoke();
            return;
        }

        var started = freshness.Now();
        await context.Invoke();
        metrics.Fed(context.MethodName, freshness.Since(started));
        if (context.TargetId.Key.ToString() is { } key && key.StartsWith(GrainKeys.RegionStatisticsPrefix, StringComparison.Ordinal))
        {
            freshness.Fed(key[GrainKeys.RegionStatisticsPrefix.Length..]);
        }
    }
}
