using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// Reads the silo's memory from outside the process. Resident memory (VmRSS) includes garbage not yet collected
/// and heap the GC keeps for later, so the probe also asks the runtime for a full blocking collection over its
/// diagnostics channel (an EventPipe session with the GCHeapCollect keyword, as dotnet-gcdump does) and reads the
/// heap size that collection reports: the bytes still reachable, which is what the data really costs.
/// </summary>
public sealed class SiloMemoryProbe(SiloUnderTest silo)
{
    /// <summary>Resident memory after a pause without calls, as the feeding left the silo.</summary>
    public async Task<long> ResidentAfterAsync(TimeSpan settle)
    {
        await Task.Delay(settle);
        return silo.ResidentBytes();
    }

    /// <summary>Induces a full collection; then resident memory and the managed heap, or nulls where it cannot.</summary>
    public async Task<(long? Resident, long? Heap)> AfterFullGcAsync()
    {
        long heap;
        try
        {
            heap = await CollectAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is ServerNotAvailableException or TimeoutException or UnsupportedCommandException)
        {
            Console.WriteLine($"  (no induced GC: {e.Message})");
            return (null, null);
        }

        // Give the GC a moment to hand back what the collection freed.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (silo.ResidentBytes(), heap);
    }

    /// <summary>Induces a full blocking GC in the silo and returns the managed heap size after it.</summary>
    private async Task<long> CollectAsync(TimeSpan timeout)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(silo.ProcessId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        var heapAfter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first full blocking collection after the session starts: the induced one (or a natural one just
        // before it, which serves as well).
        var inducedGc = -1;
        source.Clr.GCStart += e =>
        {
            if (inducedGc < 0 && e.Depth == 2 && e.Type != GCType.BackgroundGC)
            {
                inducedGc = e.Count;
            }
        };
        source.Clr.GCHeapStats += e =>
        {
            if (inducedGc >= 0)
            {
                heapAfter.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await heapAfter.Task.WaitAsync(timeout);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }
}
