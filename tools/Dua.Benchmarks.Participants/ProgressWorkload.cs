using System.Diagnostics;
using System.Globalization;
using Dua.Contracts.V1;

namespace Dua.Benchmarks.Participants;

/// <summary>
/// The measured phase. Each participant runs one process of three legal steps, one after the other:
/// start_job_preparation, choose_path WORK, exit EMPLOYMENT. start_job_track is left out on purpose: it also
/// writes the agreement (a place on a track), and what is measured here is the write of one participant (an exit
/// also writes the person, to let them enrol again; that is per person too, never per agreement).
/// </summary>
/// <remarks>
/// The two agreements take turns in batches of <c>concurrency</c> processes, in the order small, large, large,
/// small, ..., so drift and noise on this shared machine fall on both alike. Only the batches are timed. Between
/// batches the persons who just exited enrol again (untimed): a new participant each, so the small agreement
/// keeps its few participants in play, and the number of active participants in each agreement stays the same.
/// </remarks>
public sealed class ProgressWorkload(
    ParticipantService.ParticipantServiceClient participants, Enroller enroller, string runId, DateOnly occurredOn, int concurrency)
{
    private const int StepsPerProcess = 3;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs at least <paramref name="events"/> measured events per agreement (whole processes).</summary>
    public async Task RunAsync(BenchmarkAgreement small, BenchmarkAgreement large, int events)
    {
        // One untimed batch each first: JIT and connection set-up on both sides belong to neither agreement.
        await RunBatchAsync(small, concurrency, measure: false);
        await RunBatchAsync(large, concurrency, measure: false);

        var processes = (events + StepsPerProcess - 1) / StepsPerProcess;
        for (var (done, round) = (0, 0); done < processes; done += concurrency, round++)
        {
            var size = Math.Min(concurrency, processes - done);
            BenchmarkAgreement[] order = round % 2 == 0 ? [small, large] : [large, small];
            foreach (var agreement in order)
            {
                await RunBatchAsync(agreement, size, measure: true);
            }
        }
    }

    private async Task RunBatchAsync(BenchmarkAgreement agreement, int size, bool measure)
    {
        var batch = new List<EnrolledParticipant>(size);
        while (batch.Count < size && agreement.Ready.TryDequeue(out var participant))
        {
            batch.Add(participant);
        }

        var log = measure ? agreement.Latencies : null;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(batch.Select(p => RunProcessAsync(p, log)));
        log?.AddWindow(Stopwatch.GetElapsedTime(started));

        await enroller.EnrolAgainAsync(agreement, batch.Select(p => p.Person));
    }

    private async Task RunProcessAsync(EnrolledParticipant participant, LatencyLog? log)
    {
        foreach (var step in Steps(participant))
        {
            var started = Stopwatch.GetTimestamp();
            await participants.RecordProgressAsync(step, deadline: DateTime.UtcNow + CallTimeout);
            log?.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private IEnumerable<RecordProgressRequest> Steps(EnrolledParticipant participant)
    {
        RecordProgressRequest Step(string name) => new()
        {
            RequestId = $"bench-{runId}-{participant.ParticipantId}-{name}",
            ParticipantId = participant.ParticipantId,
            OccurredOn = occurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var prepare = Step("prepare");
        prepare.StartJobPreparation = new RecordProgressRequest.Types.StartJobPreparation();
        yield return prepare;

        var choose = Step("choose");
        choose.ChoosePath = new RecordProgressRequest.Types.ChoosePath { PathChoice = PathChoice.Work };
        yield return choose;

        var exit = Step("exit");
        exit.Exit = new RecordProgressRequest.Types.Exit { Outcome = ExitOutcome.Employment };
        yield return exit;
    }
}
