namespace Dua.Benchmarks.Placement;

/// <summary>What one run of the workload under one placement measured.</summary>
public sealed record RunResult(
    PlacementChoice Placement,
    int Round,
    MessageCounts Workload,
    IReadOnlyDictionary<(string From, string To), (long Calls, long CrossSilo)> GrainCalls,
    (long Calls, long CrossSilo) WithinCounty,
    MessageCounts Idle,
    TimeSpan IdleWindow,
    TimeSpan Elapsed)
{
    /// <summary>Silo-to-silo messages the cluster sends with nothing to do (membership probes and the like), per second.</summary>
    public double IdleCrossSiloPerSecond => Idle.CrossSilo / IdleWindow.TotalSeconds;

    public long CrossSiloGrainCalls => GrainCalls.Values.Sum(c => c.CrossSilo);
}
