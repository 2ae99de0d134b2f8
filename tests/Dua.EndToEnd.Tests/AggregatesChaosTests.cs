using System.Collections.Concurrent;
using System.Diagnostics;
using Dua.Contracts.V1;
using Dua.DemoData;
using Dua.Migrations;
using Dua.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// The live aggregates with real processes: summaries through the gateway follow writes within a second; a
/// watch (reconnecting, as a client does) keeps delivering across a silo kill; and after silos are killed and
/// restarted under a steady stream of writes (so with group commits in flight when a silo dies), every acknowledged
/// write is stored exactly once and nothing is half applied, and Gävleborg's and Södermanland's summaries equal a
/// recount from the authoritative state and hold every acknowledged write.
/// </summary>
[Collection("postgres")]
public sealed class AggregatesChaosTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly string[] Counties = ["21", "04"];

    [Fact]
    public async Task Summaries_follow_writes_survive_silo_kills_and_equal_a_recount_afterwards()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("e2e_aggregates");
        await DuaSchema.ApplyAsync(connectionString);
        using var platform = new PlatformCluster(connectionString);
        try
        {
            await RunScenarioAsync(platform);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task RunScenarioAsync(PlatformCluster platform)
    {
        for (var i = 0; i < 3; i++)
        {
            platform.StartSilo(i);
        }

        platform.StartGateway();
        for (var i = 0; i < 3; i++)
        {
            await platform.WaitUntilReadyAsync(i, StartTimeout);
        }

        await platform.WaitUntilGatewayServesAsync(StartTimeout);
        await DemoDataSet.LoadAsync(platform.Gateway, TextWriter.Null);

        var statistics = new StatisticsService.StatisticsServiceClient(platform.Gateway);
        var agreements = new AgreementService.AgreementServiceClient(platform.Gateway);
        var writer = new Writer(new ParticipantService.ParticipantServiceClient(platform.Gateway), [
            await SignedAgreementOfAsync(agreements, "2184"),
            await SignedAgreementOfAsync(agreements, "0484"),
        ]);

        // Freshness: after an acknowledged enrolment, how long until a summary read through the gateway shows it.
        var lags = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var before = await EnrolledAsync(statistics, "21");
            await writer.EnrolAsync(0);
            var acknowledged = Stopwatch.StartNew();
            while (await EnrolledAsync(statistics, "21") <= before)
            {
                Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(10), "a summary never showed the enrolment");
            }

            lags.Add(acknowledged.Elapsed);
        }

        lags.Sort();
        output.WriteLine($"summary shows an acknowledged write after (ms): {string.Join(", ", lags.Select(l => l.TotalMilliseconds.ToString("F0")))}");
        Assert.True(lags[lags.Count / 2] < TimeSpan.FromSeconds(1), $"median lag {lags[lags.Count / 2]}");

        // A watch that reconnects after a failure, as a client would; it records what it receives.
        using var stop = new CancellationTokenSource();
        var watched = new ConcurrentQueue<(TimeSpan At, long Enrolled)>();
        var clock = Stopwatch.StartNew();
        var watch = WatchAsync(platform.Gateway, "21", watched, clock, stop.Token);

        // Writes go on while silos are killed and restarted.
        var writing = writer.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = clock.Elapsed;
        platform.Silos[0].Kill();
        output.WriteLine($"silo 0 killed at {killedAt.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(8));
        platform.StartSilo(0);
        await platform.WaitUntilReadyAsync(0, StartTimeout);
        platform.Silos[1].Kill();
        output.WriteLine($"silo 0 back, silo 1 killed at {clock.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(TimeSpan.FromSeconds(8));
        var lastWriteBeforeStop = writer.Acknowledged;
        await stop.CancelAsync();
        await writing;
        await watch;
        output.WriteLine($"writes acknowledged: {writer.Acknowledged} ({writer.Enrolled.Count} enrolments), retried: {writer.Retries}");
        Assert.True(writer.Acknowledged > lastWriteBeforeStop / 2 && writer.Enrolled.Count > 10, "the writers made little progress");

        // The watch kept delivering: it saw the county grow after the first kill.
        var afterKill = watched.Where(w => w.At > killedAt + TimeSpan.FromSeconds(1)).ToList();
        Assert.True(afterKill.Count >= 2, $"the watch delivered {afterKill.Count} summaries after the kill");
        Assert.True(afterKill[^1].Enrolled > afterKill[0].Enrolled, "the watch did not see enrolments after the kill");

        // Settled: every county's live summary equals a recount from the authoritative state, and holds every
        // acknowledged enrolment.
        var operations = new OperationsService.OperationsServiceClient(platform.ChannelFor(TestCallers.Operations));
        foreach (var county in Counties)
        {
            RecountRegionResponse recount = null!;
            await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(60), $"county {county} recount", async () =>
            {
                recount = await operations.RecountRegionAsync(new RecountRegionRequest { RegionCode = county }, deadline: DateTime.UtcNow.AddSeconds(30));
            });
            output.WriteLine($"county {county}: live enrolled {recount.Live.Summary.Participants.Enrolled.Value}, recount {recount.Recount.Summary.Participants.Enrolled.Value}, equal {recount.Equal}");
            Assert.True(recount.Equal, string.Join("\n", recount.Differences));
            // The recount compares the trend too: every month from the first with figures to a year ahead.
            Assert.True(recount.TrendMonthsCompared > 12, $"trend months compared: {recount.TrendMonthsCompared}");
        }

        // Storage holds every acknowledged step of every participant, once and in order: nothing acknowledged was lost
        // with a killed silo's batch, and no retry applied anything twice.
        var participantReader = new ParticipantService.ParticipantServiceClient(platform.Gateway);
        foreach (var (id, steps) in writer.Steps)
        {
            var stored = (await participantReader.GetParticipantAsync(new GetParticipantRequest { ParticipantId = id })).Participant;
            Assert.Equal(steps.ToArray(), stored.History.Select(e => e.Kind).ToArray());
        }

        output.WriteLine($"acknowledged histories compared with storage: {writer.Steps.Count}");
        var ids = writer.Enrolled.ToArray();
        foreach (var (county, agreement) in new[] { ("21", writer.Agreements[0]), ("04", writer.Agreements[1]) })
        {
            var summary = (await statistics.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = county })).Region.Summary;
            var acknowledged = ids.Count(id => id.StartsWith(agreement, StringComparison.Ordinal));
            Assert.True(summary.Participants.Enrolled.Value >= acknowledged,
                $"county {county} shows {summary.Participants.Enrolled.Value} enrolled, {acknowledged} were acknowledged");
        }
    }

    private static async Task<string> SignedAgreementOfAsync(AgreementService.AgreementServiceClient agreements, string municipality)
    {
        var listed = await agreements.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = municipality, Status = AgreementStatus.Signed });
        return listed.Agreements.First().AgreementId;
    }

    private static async Task<long> EnrolledAsync(StatisticsService.StatisticsServiceClient statistics, string county) =>
        (await statistics.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = county })).Region.Summary.Participants.Enrolled.Value;

    private static async Task WatchAsync(
        GrpcChannel gateway, string county, ConcurrentQueue<(TimeSpan, long)> received, Stopwatch clock, CancellationToken stop)
    {
        var client = new StatisticsService.StatisticsServiceClient(gateway);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var call = client.WatchRegionSummary(new WatchRegionSummaryRequest { RegionCode = county }, cancellationToken: stop);
                while (await call.ResponseStream.MoveNext(stop))
                {
                    received.Enqueue((clock.Elapsed, call.ResponseStream.Current.Region.Summary.Participants.Enrolled.Value));
                }
            }
            catch (RpcException) when (!stop.IsCancellationRequested)
            {
                // The silo serving the stream died: reconnect, and the first message is the current summary.
                await Task.Delay(200, CancellationToken.None);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Enrols participants and moves them on, retrying each request with its own request id until it is
    /// acknowledged, as an agency's system would; counts what was acknowledged.
    /// </summary>
    private sealed class Writer(ParticipantService.ParticipantServiceClient participants, string[] agreements)
    {
        private long _acknowledged;
        private long _retries;

        public string[] Agreements => agreements;

        public ConcurrentBag<string> Enrolled { get; } = [];

        /// <summary>Each enrolled participant's acknowledged steps, in order (a worker's steps for one participant are sequential).</summary>
        public ConcurrentDictionary<string, ConcurrentQueue<ParticipantEventKind>> Steps { get; } = new();

        public long Acknowledged => Interlocked.Read(ref _acknowledged);

        public long Retries => Interlocked.Read(ref _retries);

        public async Task<string> EnrolAsync(int agreement)
        {
            var request = new EnrolParticipantRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                AgreementId = agreements[agreement],
                PersonalIdentityNumber = TestPeople.NewPersonalIdentityNumber(),
                AgeBand = AgeBand._2024,
                TargetGroups = { TargetGroup.Youth },
                EnrolledOn = "2026-09-01",
            };
            var id = (await UntilAcknowledgedAsync(() => participants.EnrolParticipantAsync(request, deadline: Deadline()).ResponseAsync)).Participant.ParticipantId;
            Enrolled.Add(id);
            Steps[id] = new ConcurrentQueue<ParticipantEventKind>([ParticipantEventKind.Enrolled]);
            return id;
        }

        public Task RunAsync(CancellationToken stop) =>
            Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            {
                // Each worker finishes the participant it is moving, so every request it starts is acknowledged.
                while (!stop.IsCancellationRequested)
                {
                    var id = await EnrolAsync(worker % agreements.Length);
                    await StepAsync(new RecordProgressRequest { ParticipantId = id, OccurredOn = "2026-09-15", StartJobPreparation = new() });
                    Steps[id].Enqueue(ParticipantEventKind.JobPreparationStarted);
                    if (worker % 2 == 0)
                    {
                        await StepAsync(new RecordProgressRequest { ParticipantId = id, OccurredOn = "2026-10-20", Exit = new() { Outcome = ExitOutcome.Employment } });
                        Steps[id].Enqueue(ParticipantEventKind.Exited);
                    }
                }
            }, CancellationToken.None)));

        private async Task StepAsync(RecordProgressRequest step)
        {
            step.RequestId = Guid.NewGuid().ToString();
            await UntilAcknowledgedAsync(() => participants.RecordProgressAsync(step, deadline: Deadline()).ResponseAsync);
        }

        private async Task<T> UntilAcknowledgedAsync<T>(Func<Task<T>> call)
        {
            var giveUp = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    var result = await call();
                    Interlocked.Increment(ref _acknowledged);
                    return result;
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded
                                             && giveUp.Elapsed < TimeSpan.FromSeconds(60))
                {
                    // The outcome is unknown: the same request again is applied at most once.
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(250);
                }
            }
        }

        private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);
    }
}
