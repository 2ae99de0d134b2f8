using System.Diagnostics;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// Which silo answered, per interval (the <c>dua-served-by</c> response header): a silo added half-way through
/// a run shows up as a new column that starts taking calls. Calls without the header (transport failures, a
/// target that does not set it) count under "(none)".
/// </summary>
public sealed class ServedByTimeline(TimeSpan interval)
{
    public const string NoSilo = "(none)";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _counts = new(StringComparer.Ordinal);
    private long _start = Stopwatch.GetTimestamp();

    public TimeSpan Interval { get; } = interval;

    /// <summary>Starts the first interval now (after a warm-up, say), forgetting anything recorded before.</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _counts.Clear();
            _start = Stopwatch.GetTimestamp();
        }
    }

    public void Record(string? silo)
    {
        var slot = (int)(Stopwatch.GetElapsedTime(Volatile.Read(ref _start)).Ticks / Interval.Ticks);
        lock (_gate)
        {
            if (!_counts.TryGetValue(silo ?? NoSilo, out var perInterval))
            {
                perInterval = [];
                _counts.Add(silo ?? NoSilo, perInterval);
            }

            while (perInterval.Count <= slot)
            {
                perInterval.Add(0);
            }

            perInterval[slot]++;
        }
    }

    /// <summary>The silos seen, by name, and for each interval the calls each silo answered, in that order.</summary>
    public (IReadOnlyList<string> Silos, IReadOnlyList<long[]> Intervals) Snapshot()
    {
        lock (_gate)
        {
            var silos = _counts.Keys.Order(StringComparer.Ordinal).ToArray();
            var length = _counts.Values.Select(l => l.Count).DefaultIfEmpty(0).Max();
            var intervals = Enumerable.Range(0, length)
                .Select(i => silos.Select(s => i < _counts[s].Count ? _counts[s][i] : 0).ToArray())
                .ToArray();
            return (silos, intervals);
        }
    }
}
