using System.Diagnostics;
using Dua.LoadTest.Client;
using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Phases;
using Dua.LoadTest.Planning;
using Dua.LoadTest.Reporting;
using Grpc.Core;

namespace Dua.LoadTest;

/// <summary>
/// One run: the phases in the order asked for, each recorded on its own, then the report. A phase that cannot go
/// on is reported as failed and the run moves to the next. Exit codes: 0 every phase ran, 1 a phase failed or
/// the run was interrupted, 2 usage.
/// </summary>
public static class LoadTestRun
{
    public static async Task<int> RunAsync(RunOptions options, string commandLine, CancellationToken cancellation)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (options.AsOf > today)
        {
            await Console.Error.WriteLineAsync($"Dua.LoadTest: --as-of {DataSetPlan.Iso(options.AsOf)} lies in the future; the platform refuses future dates.");
            return 2;
        }

        var plan = new DataSetPlan(options.Seed, options.AsOf);
        var log = Console.Error;
        await log.WriteLineAsync($"Dua.LoadTest: data set {plan.Ids.DataSet} ({options.Participants:N0} participants, {plan.Agreements.Count} agreements) against {options.Target}");

        if (options.Token is null && options.TokenCommand is null && options.SiloCredential is null)
        {
            await log.WriteLineAsync($"Dua.LoadTest: no token (--token or {LoadTestCommand.TokenVariable}): the gateway answers such calls UNAUTHENTICATED, e.g. {LoadTestCommand.TokenVariable}=$(deploy/token.sh agency)");
        }

        using var token = options.TokenCommand is { } command ? await TokenFromAsync(command, log, cancellation)
            : options.Token is { } given ? BearerToken.Fixed(given, log)
            : null;
        if (options.TokenCommand is not null && token is null)
        {
            return 1;
        }

        using var channels = new PlatformChannels(options.Target, options.Connections, token, options.SiloCredential);
        var context = new RunContext(options, plan, channels, log, cancellation);
        var recorded = new List<PhaseRecorder>();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var failed = false;
        foreach (var phase in options.Phases)
        {
            if (cancellation.IsCancellationRequested)
            {
                break;
            }

            failed |= !await RunPhaseAsync(context, phase, recorded);
        }

        var report = ReportBuilder.Build(options, plan, commandLine, started, clock.Elapsed, recorded);
        var (json, markdown) = ReportWriter.Write(options.ReportDirectory, report);
        await Console.Out.WriteAsync(MarkdownReport.Render(report));
        await log.WriteLineAsync($"Dua.LoadTest: report written to {markdown} and {json}");
        return failed || cancellation.IsCancellationRequested ? 1 : 0;
    }

    private static async Task<BearerToken?> TokenFromAsync(string command, TextWriter log, CancellationToken cancellation)
    {
        try
        {
            return await BearerToken.FromCommandAsync(command, log, cancellation);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            await log.WriteLineAsync($"Dua.LoadTest: {e.Message}");
            return null;
        }
    }

    private static async Task<bool> RunPhaseAsync(RunContext context, Phase phase, List<PhaseRecorder> recorded)
    {
        var watched = context.Options.Watched;
        PhaseRecorder current = new(phase.ToString().ToLowerInvariant(), watched);
        try
        {
            switch (phase)
            {
                case Phase.Seed:
                    recorded.Add(current);
                    await SeedPhase.RunAsync(context, current);
                    break;
                case Phase.Progress:
                    // The workload needs the seeded agreements and active participants: find them first, measured apart.
                    current = new PhaseRecorder("progress: resolve data set");
                    recorded.Add(current);
                    context.Agreements ??= await AgreementSeeder.SeedAsync(context, current);
                    var pool = await ProgressPhase.ResolvePoolAsync(context, current);
                    current.Stop();
                    current = new PhaseRecorder("progress", watched);
                    recorded.Add(current);
                    await ProgressPhase.RunAsync(context, current, pool);
                    break;
                case Phase.Read when context.Options.ReadMethod is ReadMethod.Agreement or ReadMethod.Participant:
                    // Reads by id need the data set's ids: found first (the agreements' seeding, answered as retries), measured apart.
                    current = new PhaseRecorder("read: resolve data set");
                    recorded.Add(current);
                    context.Agreements ??= await AgreementSeeder.SeedAsync(context, current);
                    current.Stop();
                    current = new PhaseRecorder("read", watched);
                    recorded.Add(current);
                    await ReadPhase.RunAsync(context, current);
                    break;
                case Phase.Read:
                    recorded.Add(current);
                    await ReadPhase.RunAsync(context, current);
                    break;
            }

            return true;
        }
        catch (Exception e) when (e is PhaseFailedException or RpcException or OperationCanceledException)
        {
            var why = e is OperationCanceledException ? "interrupted" : e.Message;
            current.Note($"FAILED: {why}");
            await context.Log.WriteLineAsync($"Dua.LoadTest: phase {current.Name} failed: {why}");
            return false;
        }
        finally
        {
            current.Stop();
        }
    }
}
