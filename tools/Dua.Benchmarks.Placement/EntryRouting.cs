namespace Dua.Benchmarks.Placement;

/// <summary>Which silo a request enters the cluster at.</summary>
public enum EntryRouting
{
    /// <summary>The next silo in turn, as the gateway routes today.</summary>
    RoundRobin,

    /// <summary>The silo owning the request's county on the region ring: what a county-aware gateway would do.</summary>
    County,
}
