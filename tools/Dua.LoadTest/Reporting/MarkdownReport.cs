using System.Globalization;
using System.Text;

namespace Dua.LoadTest.Reporting;

/// <summary>Renders a report as Markdown: the settings, and per phase its operations, counts, notes and served-by table.</summary>
public static class MarkdownReport
{
    public static string Render(LoadTestReport report)
    {
        var md = new StringBuilder();
        var s = report.Settings;
        md.AppendLine("# Load test report").AppendLine();
        md.AppendLine(Invariant($"Started {report.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, {report.ElapsedSeconds:F1} s in all, against `{s.Target}`."));
        md.AppendLine();
        md.AppendLine("| setting | value |").AppendLine("|---|---|");
        md.AppendLine(Invariant($"| command | `{s.CommandLine}` |"));
        md.AppendLine(Invariant($"| phases | {string.Join(", ", s.Phases)} |"));
        md.AppendLine(Invariant($"| data set | `{s.DataSet}` (seed {s.Seed}, as of {s.AsOf}), {s.Participants:N0} participants |"));
        md.AppendLine(Invariant($"| concurrency | {s.Concurrency} calls in flight over {s.Connections} connections |"));
        md.AppendLine(Invariant($"| timed phases | {s.DurationSeconds:F0} s each, after {s.WarmupSeconds:F0} s of warm-up |"));
        md.AppendLine(Invariant($"| read method | {s.ReadMethod}{(s.Region is null ? " (all counties in turn)" : $" (county {s.Region})")} |"));
        md.AppendLine(Invariant($"| client | {report.Client.ProcessorCount} cores, .NET {report.Client.Runtime}, server GC {report.Client.ServerGarbageCollector} |"));

        foreach (var phase in report.Phases)
        {
            md.AppendLine().AppendLine(Invariant($"## {phase.Name}")).AppendLine();
            md.AppendLine(Invariant($"{phase.ElapsedSeconds:F1} s; the client used {phase.ClientCpuSeconds:F1} s of CPU ({Share(phase.ClientCpuSeconds, phase.ElapsedSeconds)} of one core)."));
            foreach (var w in phase.Watched)
            {
                md.AppendLine(Invariant($"{w.Name} used {w.CpuSeconds:F1} s of CPU ({Share(w.CpuSeconds, phase.ElapsedSeconds)} of one core): {w.MicrosecondsPerCall:F0} µs per call."));
            }

            md.AppendLine();
            md.AppendLine("| operation | calls | ok | calls/s | ok/s | p50 ms | p90 ms | p99 ms | max ms | retries | errors by status |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var o in phase.Operations)
            {
                var errors = o.ErrorsByStatus.Count == 0 ? "" : string.Join(", ", o.ErrorsByStatus.Select(e => Invariant($"{e.Key} {e.Value:N0}")));
                md.AppendLine(Invariant(
                    $"| {o.Name} | {o.Calls:N0} | {o.Ok:N0} | {o.CallsPerSecond:N1} | {o.OkPerSecond:N1} | {o.LatencyMs.P50:F2} | {o.LatencyMs.P90:F2} | {o.LatencyMs.P99:F2} | {o.LatencyMs.Max:F2} | {o.Retries:N0} | {errors} |"));
            }

            var details = phase.Operations.SelectMany(o => o.FirstErrorDetail.Select(d => (o.Name, Status: d.Key, Detail: d.Value))).ToArray();
            if (details.Length > 0)
            {
                md.AppendLine().AppendLine("First error of each kind:").AppendLine();
                foreach (var (name, status, detail) in details)
                {
                    md.AppendLine(Invariant($"- {name}, {status}: {Escape(detail)}"));
                }
            }

            if (phase.Counts.Count > 0)
            {
                md.AppendLine().AppendLine("| count | value |").AppendLine("|---|---:|");
                foreach (var (name, value) in phase.Counts)
                {
                    md.AppendLine(Invariant($"| {name} | {value:N0} |"));
                }
            }

            if (phase.Notes.Count > 0)
            {
                md.AppendLine();
                foreach (var note in phase.Notes)
                {
                    md.AppendLine(Invariant($"- {Escape(note)}"));
                }
            }

            AppendServedBy(md, phase.ServedBy);
        }

        return md.ToString();
    }

    // A long phase (seeding a million participants) would make thousands of rows: the Markdown merges intervals
    // to at most MaxRows rows; report.json keeps every interval.
    private const int MaxRows = 60;

    private static void AppendServedBy(StringBuilder md, ServedByReport servedBy)
    {
        if (servedBy.Intervals.Count == 0)
        {
            return;
        }

        var merge = (servedBy.Intervals.Count + MaxRows - 1) / MaxRows;
        var seconds = servedBy.IntervalSeconds * merge;
        md.AppendLine().AppendLine(Invariant($"Calls per {seconds:F0} s by the silo that served them (`dua-served-by`):")).AppendLine();
        md.AppendLine("| s | " + string.Join(" | ", servedBy.Silos) + " |");
        md.AppendLine("|---:|" + string.Concat(servedBy.Silos.Select(_ => "---:|")));
        for (var row = 0; row * merge < servedBy.Intervals.Count; row++)
        {
            var merged = new long[servedBy.Silos.Count];
            foreach (var interval in servedBy.Intervals.Skip(row * merge).Take(merge))
            {
                for (var s = 0; s < merged.Length; s++)
                {
                    merged[s] += interval[s];
                }
            }

            md.AppendLine(Invariant($"| {row * seconds:F0} | ") + string.Join(" | ", merged.Select(n => n.ToString("N0", CultureInfo.InvariantCulture))) + " |");
        }
    }

    private static string Share(double part, double whole) => whole > 0 ? Invariant($"{part / whole * 100:F0} %") : "-";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
