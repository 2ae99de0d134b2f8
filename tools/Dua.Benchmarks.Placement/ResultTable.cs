using System.Globalization;

namespace Dua.Benchmarks.Placement;

/// <summary>Prints the runs, where the cross-silo grain calls come from, and the comparison.</summary>
public static class ResultTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(TextWriter output, IReadOnlyList<RunResult> runs, int entryCalls)
    {
        output.WriteLine(string.Create(C, $"{"placement",-10} {"round",5} {"cross-silo msgs",15} {"requests",9} {"local msgs",10} {"msgs/call",9} {"x-silo grain calls",18} {"seconds",7} {"idle msgs/s",11}"));
        foreach (var run in runs)
        {
            var w = run.Workload;
            output.WriteLine(string.Create(C,
                $"{run.Placement,-10} {run.Round,5} {w.CrossSilo,15:N0} {w.CrossSiloRequests,9:N0} {w.Local,10:N0} {(double)w.CrossSilo / entryCalls,9:F2} {run.CrossSiloGrainCalls,18:N0} {run.Elapsed.TotalSeconds,7:F1} {run.IdleCrossSiloPerSecond,11:F1}"));
        }

        output.WriteLine();
        WriteBreakdown(output, runs);

        var region = runs.Where(r => r.Placement == PlacementChoice.Region).Average(r => (double)r.Workload.CrossSilo);
        var standard = runs.Where(r => r.Placement == PlacementChoice.Default).Average(r => (double)r.Workload.CrossSilo);
        var regionCalls = runs.Where(r => r.Placement == PlacementChoice.Region).Average(r => (double)r.CrossSiloGrainCalls);
        var standardCalls = runs.Where(r => r.Placement == PlacementChoice.Default).Average(r => (double)r.CrossSiloGrainCalls);
        output.WriteLine();
        output.WriteLine(string.Create(C, $"Cross-silo messages for {entryCalls:N0} entry calls: Region {region:N0}, Default {standard:N0}; Region / Default = {region / standard:F3}"));
        output.WriteLine(string.Create(C, $"Cross-silo grain calls:                     Region {regionCalls:N0}, Default {standardCalls:N0}; Region / Default = {regionCalls / standardCalls:F3}"));
        output.WriteLine(string.Create(C, $"Calls between grains of one county:         {WithinCounty(runs, PlacementChoice.Region)} | {WithinCounty(runs, PlacementChoice.Default)}"));
    }

    /// <summary>Per caller and callee kind: calls (the same under both placements) and the share that crossed silos.</summary>
    private static void WriteBreakdown(TextWriter output, IReadOnlyList<RunResult> runs)
    {
        output.WriteLine(string.Create(C, $"{"caller -> callee",-36} {"calls",8} {"cross-silo: Region",18} {"Default",8}"));
        var pairs = runs.SelectMany(r => r.GrainCalls.Keys).Distinct().OrderBy(p => p.From, StringComparer.Ordinal).ThenBy(p => p.To, StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var calls = runs.Max(r => r.GrainCalls.GetValueOrDefault(pair).Calls);
            output.WriteLine(string.Create(C, $"{pair.From + " -> " + pair.To,-36} {calls,8:N0} {Share(runs, PlacementChoice.Region, pair),18} {Share(runs, PlacementChoice.Default, pair),8}"));
        }
    }

    private static string WithinCounty(IReadOnlyList<RunResult> runs, PlacementChoice placement)
    {
        var mine = runs.Where(r => r.Placement == placement).ToArray();
        var calls = mine.Sum(r => r.WithinCounty.Calls);
        var cross = mine.Sum(r => r.WithinCounty.CrossSilo);
        return string.Create(C, $"{placement} {cross / (double)mine.Length:N0} of {calls / (double)mine.Length:N0} cross silos ({(calls == 0 ? 0 : 100.0 * cross / calls):F0} %)");
    }

    private static string Share(IReadOnlyList<RunResult> runs, PlacementChoice placement, (string, string) pair)
    {
        var counts = runs.Where(r => r.Placement == placement).Select(r => r.GrainCalls.GetValueOrDefault(pair)).ToArray();
        var calls = counts.Sum(c => c.Calls);
        return calls == 0 ? "-" : string.Create(C, $"{100.0 * counts.Sum(c => c.CrossSilo) / calls:F0} %");
    }
}
