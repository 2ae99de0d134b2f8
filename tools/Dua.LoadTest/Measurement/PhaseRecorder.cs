using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dua.LoadTest.Measurement;

/// <summary>
/// What one phase measured: its operations, which silos served them, named counts (participants enrolled,
/// steps by kind, ...), notes for the reader, and the time and CPU the phase took, the client's and that of the
/// server processes it watches.
/// </summary>
public sealed class PhaseRecorder(string name, IReadOnlyList<WatchedProcess>? watched = null)
{
    private readonly IReadOnlyList<WatchedProcess> _watched = watched ?? [];
    private readonly ConcurrentDictionary<string, OperationStats> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _notes = new();
    private long _started = Stopwatch.GetTimestamp();
    private TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan? _elapsed;
    private TimeSpan _cpu;
    private TimeSpan[] _watchedAtStart = CpuTimes(watched ?? []);
    private TimeSpan[]? _watchedCpu;

    public string Name { get; } = name;

    public ServedByTimeline ServedBy { get; } = new(TimeSpan.FromSeconds(1));

    public TimeSpan Elapsed => _elapsed ?? Stopwatch.GetElapsedTime(_started);

    /// <summary>CPU time this process spent during the phase: how close the client itself came to saturating.</summary>
    public TimeSpan ClientCpu => _elapsed is null ? Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart : _cpu;

    /// <summary>CPU time each watched process spent during the phase (after its warm-up), once the phase stopped.</summary>
    public IEnumerable<(string Name, TimeSpan Cpu)> WatchedCpu =>
        _watchedCpu is null ? [] : _watched.Select((p, i) => (p.Name, _watchedCpu[i]));

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
        _watchedAtStart = CpuTimes(_watched);
    }

    public void Stop()
    {
        if (_elapsed is not null)
        {
            return;
        }

        _elapsed = Stopwatch.GetElapsedTime(_started);
        _cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        _watchedCpu = [.. CpuTimes(_watched).Select((cpu, i) => cpu - _watchedAtStart[i])];
    }

    private static TimeSpan[] CpuTimes(IReadOnlyList<WatchedProcess> processes) => [.. processes.Select(p => p.CpuTime())];
}
