using System.Globalization;

namespace Dua.Benchmarks.Participants;

/// <summary>Prints the measured figures as a Markdown table, so they can be pasted into docs/benchmarks.md as they are.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, BenchmarkAgreement small, int smallSize, BenchmarkAgreement large, int largeSize)
    {
        output.WriteLine("| agreement | participants | events | events/s | p50 ms | p90 ms | p99 ms | max ms |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(output, small, smallSize);
        Row(output, large, largeSize);
        var p50 = large.Latencies.Percentile(50) / small.Latencies.Percentile(50);
        var p99 = large.Latencies.Percentile(99) / small.Latencies.Percentile(99);
        output.WriteLine(Invariant($"| large/small | | | {large.Latencies.EventsPerSecond / small.Latencies.EventsPerSecond:F2} | {p50:F2} | | {p99:F2} | |"));
    }

    private static void Row(TextWriter output, BenchmarkAgreement agreement, int size)
    {
        var l = agreement.Latencies;
        output.WriteLine(Invariant(
            $"| {agreement.Label} ({agreement.MunicipalityCode}) | {size:N0} | {l.Count:N0} | {l.EventsPerSecond:F0} | {l.Percentile(50):F2} | {l.Percentile(90):F2} | {l.Percentile(99):F2} | {l.Percentile(100):F2} |"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
