using System.Collections.Concurrent;
using System.Diagnostics;
using Dua.Contracts.V1;
using Dua.DemoData;
using Dua.Migrations;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// The platform across hosts, on one machine: PostgreSQL, three silos and the gateway each in its own network
/// namespace on a bridge, the test calling from the root namespace; TLS on every link. Under a steady stream of
/// writes and reads: both silos serve; a third joins and takes traffic; one silo's link is cut (its process left
/// running) and the cluster carries on without it, and it serves nothing stale when the link returns; PostgreSQL's
/// host crashes and restarts. No acknowledged write is lost, none is applied twice, and a capture of the links holds
/// no credential, token, caller header or personal identity number. Prints the recovery figures.
/// </summary>
[Collection("postgres")]
public sealed class MultiHostPlatformTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Across_hosts_with_TLS_the_platform_survives_a_partition_and_a_database_restart_and_shows_nothing_in_clear_text()
    {
        var took = Stopwatch.StartNew();
        using var network = NetworkNamespaces.Create();
        using var ca = TestCertificateAuthority.Create();
        var databaseHost = network.AddHost("pg", 1);
        NamespaceHost[] siloHosts = [network.AddHost("silo0", 11), network.AddHost("silo1", 12), network.AddHost("silo2", 13)];
        var gatewayHost = network.AddHost("gw", 20);
        using var capture = await PacketCapture.StartAsync(network.Bridge, Path.Combine(ca.Folder, "links.pcap"), TimeSpan.FromSeconds(30));
        await using var postgres = await NamespacedPostgres.StartAsync(databaseHost, ca);
        await DuaSchema.ApplyAsync(postgres.ConnectionString);
        using var platform = new NamespacedPlatform(ca, postgres.ConnectionString);
        try
        {
            await RunScenarioAsync(network, platform, postgres, capture, siloHosts, gatewayHost, databaseHost);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            output.WriteLine($"--- postgres ---\n{string.Join('\n', postgres.Log.Split('\n').TakeLast(30))}");
            throw;
        }
        finally
        {
            output.WriteLine($"multi-host test took {took.Elapsed.TotalSeconds:F0} s");
        }
    }

    private async Task RunScenarioAsync(
        NetworkNamespaces network, NamespacedPlatform platform, NamespacedPostgres postgres, PacketCapture capture,
        NamespaceHost[] siloHosts, NamespaceHost gatewayHost, NamespaceHost databaseHost)
    {
        // One after the other: a silo busy loading reference data on a loaded machine could miss the short probes.
        platform.StartSilo(0, siloHosts[0]);
        await platform.WaitUntilReadyAsync(0, StartTimeout);
        platform.StartSilo(1, siloHosts[1]);
        platform.StartGateway(gatewayHost);
        var gateway = platform.ChannelFor(TestCallers.Agency);
        await platform.WaitUntilReadyAsync(1, StartTimeout);
        await platform.WaitUntilGatewayServesAsync(gateway, StartTimeout);

        // Silos advertise their hosts' addresses, over https, to Orleans and to the gateway's directory.
        var routed = await platform.RoutedEndpointsAsync();
        Assert.Equal([NamespacedPlatform.GrpcEndpointOf(siloHosts[0], 0), NamespacedPlatform.GrpcEndpointOf(siloHosts[1], 1)], routed.Order());

        await DemoDataSet.LoadAsync(gateway, TextWriter.Null);
        var agreements = new AgreementService.AgreementServiceClient(gateway);
        var agreement = (await agreements.ListAgreementsAsync(new ListAgreementsRequest { MunicipalityCode = "2184", Status = AgreementStatus.Signed })).Agreements.First().AgreementId;
        var municipalities = new MunicipalityService.MunicipalityServiceClient(gateway);
        var participants = new ParticipantService.ParticipantServiceClient(gateway);
        var codes = await Municipalities.AllCodesAsync(municipalities);
        var enrolledBefore = await CountParticipantsAsync(participants, agreement);

        var calls = new CallLog();
        using var stop = new CancellationTokenSource();
        var writer = new Writer(participants, agreement, calls);
        var load = Task.WhenAll(writer.RunAsync(workers: 6, stop.Token), ReadAsync(municipalities, codes, calls, stop.Token));

        // Both silos serve calls through the gateway.
        await calls.WaitUntilServedByAsync(NamespacedPlatform.SiloName(0), TimeSpan.FromSeconds(30));
        await calls.WaitUntilServedByAsync(NamespacedPlatform.SiloName(1), TimeSpan.FromSeconds(30));

        // A third silo host joins under load and takes traffic.
        platform.StartSilo(2, siloHosts[2]);
        await platform.WaitUntilReadyAsync(2, StartTimeout);
        var joined = calls.Clock.Elapsed;
        await calls.WaitUntilServedByAsync(NamespacedPlatform.SiloName(2), TimeSpan.FromSeconds(30));
        var tookTraffic = calls.Clock.Elapsed - joined;

        // Partition: silo 1's link goes down; its process keeps running.
        var cut = calls.Clock.Elapsed;
        network.Disconnect(siloHosts[1]);
        var declaredDead = await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(60), "the cluster declaring the cut-off silo dead",
            async () => await platform.MembershipStatusAsync(1) == 6);
        var partitionRecovery = await calls.WaitForRecoveryAsync(cut, Quiet, TimeSpan.FromSeconds(90));
        Assert.DoesNotContain(NamespacedPlatform.GrpcEndpointOf(siloHosts[1], 1), await platform.RoutedEndpointsAsync());
        var partitionFailures = calls.FailuresBetween(cut, cut + partitionRecovery);
        var servedAfterRecovery = calls.ServedBySince(cut + partitionRecovery);
        Assert.DoesNotContain(NamespacedPlatform.SiloName(1), servedAfterRecovery);

        // The link returns: the silo declared dead must not serve what it held. Orleans stops it as soon as it reads
        // its own death in the membership table; until then it is no active member, so it reports itself unready.
        var reconnected = calls.Clock.Elapsed;
        network.Reconnect(siloHosts[1]);
        var stoppedAfter = await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(60), "the cut-off silo stopping once its link is back",
            () => Task.FromResult(platform.Silos[1].HasExited));
        var cutOffSilo = $"stopped itself {stoppedAfter.TotalSeconds:F1} s after its link returned (exit code {platform.Silos[1].ExitCode})";
        Assert.DoesNotContain(NamespacedPlatform.GrpcEndpointOf(siloHosts[1], 1), await platform.RoutedEndpointsAsync());
        Assert.DoesNotContain(NamespacedPlatform.SiloName(1), calls.ServedBySince(reconnected));

        // PostgreSQL's host crashes under load and comes back.
        var crashed = calls.Clock.Elapsed;
        postgres.Crash();
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(30), "a write failing while PostgreSQL is down",
            () => Task.FromResult(calls.FailuresBetween(crashed, calls.Clock.Elapsed).Any(f => f.Kind == "write")));
        var down = calls.Clock.Elapsed - crashed;
        postgres.Start();
        var restarted = calls.Clock.Elapsed;
        var databaseRecovery = await calls.WaitForRecoveryAsync(crashed, Quiet, TimeSpan.FromSeconds(90));
        var databaseFailures = calls.FailuresBetween(crashed, crashed + databaseRecovery);

        await stop.CancelAsync();
        await load;

        // Every acknowledged enrolment is there; none was applied twice (retries carry their request id).
        var lost = 0;
        foreach (var id in writer.Acknowledged)
        {
            try
            {
                await participants.GetParticipantAsync(new GetParticipantRequest { ParticipantId = id }, deadline: DateTime.UtcNow.AddSeconds(10));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                lost++;
            }
        }

        var enrolledAfter = await CountParticipantsAsync(participants, agreement);
        var applied = enrolledAfter - enrolledBefore;

        // A silo whose certificate another CA signed cannot join: the silos refuse its TLS, it never becomes active,
        // and it gives up (a short join attempt for the test). Its host is the cut-off silo's, whose process is gone.
        using var otherCa = TestCertificateAuthority.Create("Impostor CA");
        var impostor = platform.StartSilo(3, siloHosts[1], otherCa, new Dictionary<string, string> { ["Orleans__Membership__MaxJoinAttemptTime"] = "00:00:15" });
        var impostorStatuses = new HashSet<int?>();
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(120), "the impostor silo giving up", async () =>
        {
            impostorStatuses.Add(await platform.MembershipStatusAsync(3));
            return impostor.HasExited;
        });
        Assert.NotEqual(0, impostor.ExitCode);
        Assert.DoesNotContain(3, impostorStatuses);
        Assert.DoesNotContain(NamespacedPlatform.GrpcEndpointOf(siloHosts[1], 3), await platform.RoutedEndpointsAsync());

        // A plaintext control proves the capture sees the links; then nothing secret may be in it.
        var marker = $"dua-capture-control-{Guid.NewGuid():N}";
        NetworkNamespaces.Execute("ip", "netns", "exec", siloHosts[0].Namespace, "bash", "-c",
            $"exec 3<>/dev/tcp/{databaseHost.Address}/5432; printf '%s' '{marker}' >&3; sleep 0.2");
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the control in the capture",
            () => Task.FromResult(PacketCapture.Find(File.ReadAllBytes(capture.File), [marker]).Count == 1));
        var captured = await capture.StopAsync();
        string[] secrets =
        [
            platform.Security.SiloCredential,
            platform.Security.TokenFor(TestCallers.Agency).Split('.')[1][..40],
            CallerHeaders.Prefix,
            TestCallers.Agency.Organisation,
            .. writer.PersonalIdentityNumbers.SelectMany(p => new[] { p, p.Replace("-", "", StringComparison.Ordinal) }),
        ];
        var inClearText = PacketCapture.Find(captured, secrets);

        output.WriteLine($"silo 2 took traffic {tookTraffic.TotalSeconds:F1} s after it was ready");
        output.WriteLine($"partition: declared dead after {declaredDead.TotalSeconds:F1} s; calls all succeeding again after {partitionRecovery.TotalSeconds:F1} s; failed calls by status: {ByStatus(partitionFailures)}; cut-off silo after reconnect: {cutOffSilo}");
        output.WriteLine($"PostgreSQL crash: first failed write after {down.TotalSeconds:F1} s, restarted at +{(restarted - crashed).TotalSeconds:F1} s; calls all succeeding again after {databaseRecovery.TotalSeconds:F1} s; failed calls by status: {ByStatus(databaseFailures)}");
        output.WriteLine($"writes: {writer.Acknowledged.Count} enrolments acknowledged, {writer.Requests} requests, {writer.Retries} retries; acknowledged writes lost: {lost}; enrolments applied: {applied}");
        output.WriteLine($"capture: {captured.Length} bytes; secrets in clear text: {inClearText.Count}");
        output.WriteLine($"impostor silo (another CA): exited with {impostor.ExitCode}, membership statuses seen: {string.Join(", ", impostorStatuses.Select(st => st?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"))}");

        Assert.True(partitionRecovery < TimeSpan.FromSeconds(30), $"calls recovered {partitionRecovery} after the partition");
        Assert.Equal(0, lost);
        Assert.InRange(applied, writer.Acknowledged.Count, writer.Requests);
        Assert.Empty(inClearText);
        Assert.True(writer.Acknowledged.Count > 20, $"the writers made little progress: {writer.Acknowledged.Count}");
        // While the database is down, writes must answer UNAVAILABLE (retryable) and nothing else.
        Assert.All(databaseFailures, failure => Assert.Equal(StatusCode.Unavailable, failure.Status));
    }

    private static string ByStatus(IEnumerable<CallOutcome> failures) =>
        string.Join(", ", failures.GroupBy(f => $"{f.Status} ({f.Kind})").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")) is { Length: > 0 } text ? text : "none";

    private static async Task<int> CountParticipantsAsync(ParticipantService.ParticipantServiceClient participants, string agreement)
    {
        var count = 0;
        var token = "";
        do
        {
            var page = await participants.ListParticipantsAsync(new ListParticipantsRequest { AgreementId = agreement, PageSize = 100, PageToken = token });
            count += page.Participants.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return count;
    }

    private static Task ReadAsync(MunicipalityService.MunicipalityServiceClient municipalities, string[] codes, CallLog calls, CancellationToken stop) =>
        Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var call = municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = codes[i % codes.Length] }, deadline: DateTime.UtcNow.AddSeconds(5));
                    await call.ResponseAsync;
                    calls.Add("read", StatusCode.OK, (await call.ResponseHeadersAsync).GetValue("dua-served-by"));
                }
                catch (RpcException e)
                {
                    calls.Add("read", e.StatusCode, null);
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }, CancellationToken.None);

    /// <summary>One call's outcome: when it ended (since the log started), what it was, its status and which silo answered.</summary>
    private sealed record CallOutcome(TimeSpan At, string Kind, StatusCode Status, string? ServedBy);

    /// <summary>Every call's outcome, for the figures and for waiting on recovery.</summary>
    private sealed class CallLog
    {
        private readonly ConcurrentQueue<CallOutcome> _outcomes = new();

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public void Add(string kind, StatusCode status, string? servedBy) => _outcomes.Enqueue(new(Clock.Elapsed, kind, status, servedBy));

        public IReadOnlyList<CallOutcome> FailuresBetween(TimeSpan from, TimeSpan to) =>
            [.. _outcomes.Where(o => o.Status != StatusCode.OK && o.At >= from && o.At <= to)];

        public IReadOnlySet<string> ServedBySince(TimeSpan from) =>
            _outcomes.Where(o => o.At >= from && o.ServedBy is not null).Select(o => o.ServedBy!).ToHashSet();

        public Task WaitUntilServedByAsync(string silo, TimeSpan timeout)
        {
            var from = Clock.Elapsed;
            return Eventually.HappensWithinAsync(timeout, $"a call served by {silo}", () => Task.FromResult(ServedBySince(from).Contains(silo)));
        }

        /// <summary>
        /// Waits until every call has succeeded for <paramref name="quiet"/> (and some did), and returns how long
        /// after <paramref name="since"/> the last failure came: the time to recovery.
        /// </summary>
        public async Task<TimeSpan> WaitForRecoveryAsync(TimeSpan since, TimeSpan quiet, TimeSpan timeout)
        {
            var recovered = TimeSpan.Zero;
            await Eventually.HappensWithinAsync(timeout, "every call succeeding again", () =>
            {
                var lastFailure = _outcomes.Where(o => o.At >= since && o.Status != StatusCode.OK).Select(o => o.At).DefaultIfEmpty(since).Max();
                var successes = _outcomes.Count(o => o.At > lastFailure && o.Status == StatusCode.OK);
                recovered = lastFailure - since;
                return Task.FromResult(Clock.Elapsed - lastFailure >= quiet && successes >= 10);
            });
            return recovered;
        }
    }

    /// <summary>
    /// Enrols new people, each request retried with its own request id until acknowledged (an unknown outcome is
    /// retried, and applied at most once), as an agency's system would.
    /// </summary>
    private sealed class Writer(ParticipantService.ParticipantServiceClient participants, string agreement, CallLog calls)
    {
        private long _requests;
        private long _retries;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public ConcurrentBag<string> PersonalIdentityNumbers { get; } = [];

        public int Requests => (int)Interlocked.Read(ref _requests);

        public long Retries => Interlocked.Read(ref _retries);

        public Task RunAsync(int workers, CancellationToken stop) =>
            Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                // A request once sent is finished, so every request is either acknowledged or the test fails.
                while (!stop.IsCancellationRequested)
                {
                    await EnrolAsync();
                }
            }, CancellationToken.None)));

        private async Task EnrolAsync()
        {
            var number = TestPeople.NewPersonalIdentityNumber();
            PersonalIdentityNumbers.Add(number);
            var request = new EnrolParticipantRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                AgreementId = agreement,
                PersonalIdentityNumber = number,
                AgeBand = AgeBand._2024,
                TargetGroups = { TargetGroup.Youth },
                EnrolledOn = "2026-09-01",
            };
            Interlocked.Increment(ref _requests);
            var giveUp = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var call = participants.EnrolParticipantAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                    var response = await call.ResponseAsync;
                    calls.Add("write", StatusCode.OK, (await call.ResponseHeadersAsync).GetValue("dua-served-by"));
                    Acknowledged.Add(response.Participant.ParticipantId);
                    return;
                }
                catch (RpcException e) when (giveUp.Elapsed < TimeSpan.FromSeconds(120))
                {
                    calls.Add("write", e.StatusCode, null);
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(200);
                }
            }
        }
    }
}
