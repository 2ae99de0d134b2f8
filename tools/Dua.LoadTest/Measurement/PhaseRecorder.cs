using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// What one phase measured: its operations, which silos served them, named counts (participants enrolled,
/// steps by kind, ...), notes for the reader, and the time and client CPU the phase took.
/// </summary>
public sealed class PhaseRecorder(string name)
{
    private readonly ConcurrentDictionary<string, OperationStats> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notes = new();
    private long _started = Stopwatch.GetTimestamp();
    private TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan? _elapsed;
    private TimeSpan _cpu;

    public string Name { get; } = name;

    public ServedByTimeline ServedBy { get; } = new(TimeSpan.FromSeconds(1));

    public TimeSpan Elapsed => _elapsed ?? Stopwatch.GetElapsedTime(_started);

    /// <summary>CPU time this process spent during the phase: how close the client itself came to saturating.</summary>
    public TimeSpan ClientCpu => _elapsed is null ? Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart : _cpu;

    public IEnumerable<OperationStats> Operations => _operations.Values.OrderBy(o => o.Name, StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, long>> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal);

    public IEnumerable<string> Notes => _notes;

    public long TotalCalls => _operations.Values.Sum(o => o.Calls);

    public long TotalErrors => _operations.Values.Sum(o => o.Errors);

    public OperationStats Operation(string operation) => _operations.GetOrAdd(operation, static n => new OperationStats(n));

    public void Count(string counter, long by = 1) => _counts.AddOrUpdate(counter, by, (_, value) => value + by);

    public long CountOf(string counter) => _counts.GetValueOrDefault(counter);

    public void Note(string note) => _notes.Enqueue(note);

    /// <summary>Starts the measured window now: after a warm-up, whatever was recorded so far is dropped.</summary>
    public void RestartMeasurement()
    {
        _operations.Clear();
        _counts.Clear();
        ServedBy.Restart();
        _started = Stopwatch.GetTimestamp();
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public void Stop()
    {
        _elapsed ??= Stopwatch.GetElapsedTime(_started);
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
    }
}
