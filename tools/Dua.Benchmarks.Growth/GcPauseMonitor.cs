using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// Watches the silo's garbage collections over its diagnostics channel while reads are timed, so that a slower
/// tail at a bigger size can be told apart: longer GC pauses (the heap's doing) or the busy machine's.
/// A pause runs from the runtime suspending the process's threads to resuming them.
/// </summary>
public sealed class GcPauseMonitor : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _reading;
    private readonly Lock _lock = new();
    private readonly int[] _collections = new int[3];
    private double _suspendedAt = double.NaN;
    private double _totalPause;
    private double _maxPause;
    private double _windowMaxPause;
    private GcPauses _windowStart = GcPauses.None;
    private int _heaps;

    private GcPauseMonitor(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Clr.GCStart += e =>
        {
            lock (_lock)
            {
                if (e.Depth is >= 0 and <= 2)
                {
                    _collections[e.Depth]++;
                }
            }
        };
        // Server GC under DATAS (the default since .NET 9) changes its number of heaps with the load.
        _source.Clr.GCGlobalHeapHistory += e =>
        {
            lock (_lock)
            {
                _heaps = Math.Max(_heaps, e.NumHeaps);
            }
        };
        _source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        _source.Clr.GCRestartEEStop += e =>
        {
            if (!double.IsNaN(_suspendedAt))
            {
                var pause = e.TimeStampRelativeMSec - _suspendedAt;
                lock (_lock)
                {
                    _totalPause += pause;
                    _maxPause = Math.Max(_maxPause, pause);
                    _windowMaxPause = Math.Max(_windowMaxPause, pause);
                }

                _suspendedAt = double.NaN;
            }
        };
        _reading = Task.Run(_source.Process);
    }

    public static async Task<GcPauseMonitor> StartAsync(int processId)
    {
        var session = await new DiagnosticsClient(processId).StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)],
            requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        return new GcPauseMonitor(session);
    }

    /// <summary>
    /// The collections since the previous call (or the start). Events arrive with a lag of up to a second or so,
    /// so a window's figures are close, not exact, at its edges.
    /// </summary>
    public GcPauses NextWindow()
    {
        lock (_lock)
        {
            var now = new GcPauses(_collections[0], _collections[1], _collections[2], _totalPause, _windowMaxPause);
            var window = new GcPauses(
                now.Gen0 - _windowStart.Gen0, now.Gen1 - _windowStart.Gen1, now.Gen2 - _windowStart.Gen2,
                now.TotalPauseMs - _windowStart.TotalPauseMs, _windowMaxPause);
            _windowStart = now;
            _windowMaxPause = 0;
            return window;
        }
    }

    /// <summary>Ends the watch; the figures cover everything from the start.</summary>
    public async Task<GcPauses> StopAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _reading;
        return new GcPauses(_collections[0], _collections[1], _collections[2], _totalPause, _maxPause) { Heaps = _heaps };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_reading.IsCompleted)
        {
            await _session.StopAsync(CancellationToken.None);
            await _reading;
        }

        _source.Dispose();
        _session.Dispose();
    }
}
