using System.Collections.Concurrent;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// Grain calls counted by caller and callee kind, and how many of them crossed silos. Shared by the silos of the
/// running cluster, which live in this process; reset between runs.
/// </summary>
public static class GrainCallTally
{
    private static ConcurrentDictionary<(string From, string To), Counts> s_calls = new();
    private static Counts s_withinCounty = new();

    public static void Reset()
    {
        s_calls = new();
        s_withinCounty = new();
    }

    /// <param name="withinCounty">Caller and callee are grains of the same county (their keys carry its code).</param>
    public static void Record(string from, string to, bool crossSilo, bool withinCounty)
    {
        s_calls.GetOrAdd((from, to), _ => new Counts()).Add(crossSilo);
        if (withinCounty)
        {
            s_withinCounty.Add(crossSilo);
        }
    }

    /// <summary>Calls from one grain of a county to another of the same county, and how many crossed silos.</summary>
    public static (long Calls, long CrossSilo) ReadWithinCounty() => s_withinCounty.Read();

    /// <summary>Calls and cross-silo calls per (caller, callee) so far.</summary>
    public static IReadOnlyDictionary<(string From, string To), (long Calls, long CrossSilo)> Read() =>
        s_calls.ToDictionary(e => e.Key, e => e.Value.Read());

    private sealed class Counts
    {
        private long _calls;
        private long _crossSilo;

        public void Add(bool crossSilo)
        {
            Interlocked.Increment(ref _calls);
            if (crossSilo)
            {
                Interlocked.Increment(ref _crossSilo);
            }
        }

        public (long Calls, long CrossSilo) Read() => (Interlocked.Read(ref _calls), Interlocked.Read(ref _crossSilo));
    }
}
