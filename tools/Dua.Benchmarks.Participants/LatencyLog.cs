namespace Dua.Benchmarks.Participants;

/// <summary>
/// The latencies of measured calls and the wall time of the windows they ran in. Throughput is taken over the
/// measured windows only, so the untimed work between batches does not count against it. Thread-safe.
/// </summary>
public sealed class LatencyLog
{
    private readonly List<double> milliseconds = [];
    private TimeSpan measuredTime;

    public int Count
    {
        get { lock (milliseconds) { return milliseconds.Count; } }
    }

    public double EventsPerSecond
    {
        get { lock (milliseconds) { return milliseconds.Count / measuredTime.TotalSeconds; } }
    }

    public void Add(TimeSpan latency)
    {
        lock (milliseconds)
        {
            milliseconds.Add(latency.TotalMilliseconds);
        }
    }

    public void AddWindow(TimeSpan window)
    {
        lock (milliseconds)
        {
            measuredTime += window;
        }
    }

    /// <summary>The nearest-rank percentile, in milliseconds; 100 gives the maximum.</summary>
    public double Percentile(double percent)
    {
        lock (milliseconds)
        {
            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
