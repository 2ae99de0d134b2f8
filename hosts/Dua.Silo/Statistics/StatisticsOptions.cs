using System.ComponentModel.DataAnnotations;

namespace Dua.Silo.Statistics;

/// <summary>Configuration section "Statistics": how this silo serves summaries.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>
    /// How long this silo answers a county's summary from its copy before asking the county's grain again. Writes
    /// reach the grain before they are acknowledged, so a summary lags a write by at most this (plus one grain call).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.900")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a watch looks for a changed summary: at most this many updates a second, per stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:05")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A watch sends the summary again after this long without a change, so proxies on the way never see the stream
    /// idle (YARP's default activity timeout is 100 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:30")]
    public TimeSpan WatchHeartbeat { get; set; } = TimeSpan.FromSeconds(30);
}
