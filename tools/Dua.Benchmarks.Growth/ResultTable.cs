using System.Globalization;

namespace Dua.Benchmarks.Growth;

/// <summary>Prints the figures as Markdown tables, so they can be pasted into docs/benchmarks.md as they are.</summary>
public static class ResultTable
{
    private const double MiB = 1024 * 1024;

    public static void Write(TextWriter output, IReadOnlyList<StepResult> steps)
    {
        var regions = steps[0].CountedByRegion.Keys.ToArray();
        output.WriteLine($"| participants | held by the aggregates | {string.Join(" | ", regions.Select(r => $"county {r}"))} | fed/s | RSS settled MiB | RSS after full GC MiB | GC heap after full GC MiB | load avg |");
        output.WriteLine($"|---:|---:|{string.Concat(regions.Select(_ => "---:|"))}---:|---:|---:|---:|---:|");
        foreach (var step in steps)
        {
            var m = step.Memory;
            output.WriteLine(Invariant(
                $"| {step.Participants:N0} | {step.Counted:N0} | {string.Join(" | ", regions.Select(r => step.CountedByRegion[r].ToString("N0", CultureInfo.InvariantCulture)))} | {step.FeedRate:F0} | {m.ResidentSettled / MiB:F0} | {Mib(m.ResidentAfterGc)} | {Mib(m.HeapAfterGc)} | {step.LoadAverage:F1} |"));
        }

        output.WriteLine();
        output.WriteLine("| participants | silo GCs during the reads (gen0/gen1/gen2) | GC heaps | GC pause total ms | mean pause ms | longest GC pause ms |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var step in steps)
        {
            var g = step.GcPauses;
            output.WriteLine(Invariant($"| {step.Participants:N0} | {g.Gen0}/{g.Gen1}/{g.Gen2} | {g.Heaps} | {g.TotalPauseMs:F0} | {g.MeanPauseMs:F2} | {g.MaxPauseMs:F1} |"));
        }

        output.WriteLine();
        output.WriteLine("| participants | client | county | calls | calls/s | p50 ms | p90 ms | p99 ms | max ms | errors | silo GCs 0/1/2 | longest GC pause ms |");
        output.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var step in steps)
        {
            foreach (var l in step.Latencies)
            {
                output.WriteLine(Invariant(
                    $"| {step.Participants:N0} | {l.Client} | {l.RegionCode} | {l.Calls:N0} | {l.PerSecond:F0} | {l.P50:F2} | {l.P90:F2} | {l.P99:F2} | {l.Max:F2} | {l.Errors} | {l.Gc.Gen0}/{l.Gc.Gen1}/{l.Gc.Gen2} | {l.Gc.MaxPauseMs:F1} |"));
            }
        }

        if (steps.Count < 2)
        {
            return;
        }

        var (first, last) = (steps[0], steps[^1]);
        output.WriteLine();
        output.WriteLine(Invariant($"Ratios, {last.Participants:N0} / {first.Participants:N0} participants:"));
        output.WriteLine();
        output.WriteLine("| client | county | p50 | p99 | calls/s |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var before in first.Latencies)
        {
            if (last.Latencies.FirstOrDefault(l => l.Client == before.Client && l.RegionCode == before.RegionCode) is { } after)
            {
                output.WriteLine(Invariant(
                    $"| {before.Client} | {before.RegionCode} | {after.P50 / before.P50:F2} | {after.P99 / before.P99:F2} | {after.PerSecond / before.PerSecond:F2} |"));
            }
        }

        var added = (double)(last.Participants - first.Participants);
        output.WriteLine();
        output.WriteLine(Invariant($"Memory per participant added ({added:N0} participants):"));
        output.WriteLine(Invariant($"- RSS settled: {(last.Memory.ResidentSettled - first.Memory.ResidentSettled) / added:F0} bytes"));
        if (last.Memory.ResidentAfterGc is { } rssAfter && first.Memory.ResidentAfterGc is { } rssBefore)
        {
            output.WriteLine(Invariant($"- RSS after a full GC: {(rssAfter - rssBefore) / added:F0} bytes"));
        }

        if (last.Memory.HeapAfterGc is { } heapAfter && first.Memory.HeapAfterGc is { } heapBefore)
        {
            output.WriteLine(Invariant($"- GC heap after a full GC: {(heapAfter - heapBefore) / added:F0} bytes"));
        }
    }

    private static string Mib(long? bytes) => bytes is { } b ? (b / MiB).ToString("F0", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
