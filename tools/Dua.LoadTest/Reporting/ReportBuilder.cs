using System.Runtime;
using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.Reporting;

/// <summary>Turns what the phases recorded into the report.</summary>
public static class ReportBuilder
{
    public static LoadTestReport Build(
        RunOptions options, DataSetPlan plan, string commandLine, DateTimeOffset startedAt, TimeSpan elapsed, IEnumerable<PhaseRecorder> phases) =>
        new(
            new RunSettings(
                commandLine, options.Target.ToString(), [.. options.Phases.Select(p => p.ToString().ToLowerInvariant())], options.Seed,
                DataSetPlan.Iso(options.AsOf), plan.Ids.DataSet, options.Participants, options.Concurrency, options.Connections,
                options.Duration.TotalSeconds, options.Warmup.TotalSeconds, options.ReadMethod.ToString(), options.Region),
            startedAt,
            Math.Round(elapsed.TotalSeconds, 3),
            new ClientMachine(Environment.MachineName, Environment.ProcessorCount, Environment.Version.ToString(), GCSettings.IsServerGC),
            [.. phases.Select(Phase)]);

    public static PhaseReport Phase(PhaseRecorder phase)
    {
        var seconds = phase.Elapsed.TotalSeconds;
        var (silos, intervals) = phase.ServedBy.Snapshot();
        return new PhaseReport(
            phase.Name,
            Math.Round(seconds, 3),
            Math.Round(phase.ClientCpu.TotalSeconds, 3),
            [.. phase.Operations.Select(o => Operation(o, seconds))],
            phase.Counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            [.. phase.Notes],
            new ServedByReport(phase.ServedBy.Interval.TotalSeconds, silos, intervals),
            [.. phase.WatchedCpu.Select(w => new ProcessCpuReport(
                w.Name, Math.Round(w.Cpu.TotalSeconds, 3), Math.Round(phase.TotalCalls > 0 ? w.Cpu.TotalMicroseconds / phase.TotalCalls : 0, 1)))]);
    }

    private static OperationReport Operation(OperationStats operation, double seconds)
    {
        var ok = operation.Calls - operation.Errors;
        return new OperationReport(
            operation.Name,
            operation.Calls,
            ok,
            operation.Retries,
            operation.ErrorsByStatus(),
            operation.ErrorDetails(),
            Math.Round(seconds > 0 ? operation.Calls / seconds : 0, 1),
            Math.Round(seconds > 0 ? ok / seconds : 0, 1),
            new LatencyReport(
                Round(operation.LatencyMilliseconds(50)), Round(operation.LatencyMilliseconds(90)), Round(operation.LatencyMilliseconds(99)),
                Round(operation.LatencyMilliseconds(100)), Round(operation.MeanLatencyMilliseconds())));
    }

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);
}
