using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Dua.Contracts.V1;
using Dua.Testing;
using Dua.Testing.Requests;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Npgsql;
using Xunit.Abstractions;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Malformed requests through the real gateway and straight at a real silo on PostgreSQL: each gets the status that
/// says what is wrong, error answers stay small, no caller can take the platform down for others, nothing stored
/// changes, and the logs hold no stack traces.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed partial class MalformedRequestsTests(PostgresFixture postgres, MalformedRequestsPlatform shared, ITestOutputHelper output)
    : IClassFixture<MalformedRequestsPlatform>
{
    /// <summary>Fuzzed calls per run: a minute or so of the test command on a loaded two-core machine.</summary>
    private const int FuzzedCalls = 2000;

    /// <summary>Status metadata (grpc-message and grpc-status-details-bin) an answer may carry: far below the gateway's 64 KiB header limit.</summary>
    private const int MaxStatusMetadataBytes = 16 * 1024;

    [Fact]
    public async Task Fuzzed_requests_to_every_rpc_get_the_status_that_says_what_is_wrong_and_harm_no_one()
    {
        var platform = await shared.StartedAsync(postgres);
        var logs = LogMark.Of(platform);
        var before = await StoredStateAsync(platform);
        using var gateway = shared.GatewayClient();
        using var silo = shared.SiloClient();
        var outcomes = new ConcurrentQueue<(FuzzedRequest Request, string Target, RawGrpcOutcome Outcome)>();
        var bystanders = Bystanders.Start(platform);
        var clock = Stopwatch.StartNew();

        // Three calls in four through the gateway, one straight at the silo: both must answer alike.
        await Gen.Select(FuzzedRequests.ForAnyMethod(MalformedRequestsPlatform.MessageLimit), Gen.Int[0, 3])
            .SampleAsync(async sample =>
            {
                var (request, target) = sample;
                var client = target == 0 ? silo : gateway;
                var deadline = request.Method.IsServerStreaming ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(15);
                var outcome = await client.CallAsync(request.Path, request.Body, request.Encoding, deadline);
                outcomes.Enqueue((request, target == 0 ? "silo" : "gateway", outcome));
            }, iter: FuzzedCalls, threads: 4);

        var (bystanderCalls, bystanderFailures) = await bystanders.StopAsync();
        output.WriteLine($"{outcomes.Count} fuzzed calls in {clock.Elapsed.TotalSeconds:F0} s; {bystanderCalls} bystander calls, {bystanderFailures.Count} failed");
        output.WriteLine(StatusTotals(outcomes.Select(o => (o.Request.Defect.ToString(), o.Outcome.Status))));
        output.WriteLine("Broken frames by case:");
        output.WriteLine(StatusTotals(outcomes.Where(o => o.Request.Defect == RequestDefect.BrokenFrame).Select(o => (o.Request.Case, o.Outcome.Status))));
        var after = await StoredStateAsync(platform);
        var logProblems = logs.ProblemsSince();
        output.WriteLine($"stored state {(after == before ? "unchanged" : $"changed: {before} -> {after}")}; " +
                         $"{logProblems.Count} log lines with stack frames or the body-size warning");
        foreach (var line in logProblems.Take(10))
        {
            output.WriteLine($"LOG {line}");
        }

        // Every RPC of the contract was called, so a new one is covered too.
        Assert.Equal(ContractMethods.All, outcomes.Select(o => ContractMethods.PathOf(o.Request.Method)).Distinct().Order(StringComparer.Ordinal));
        var wrong = outcomes.Where(o => !o.Request.Allowed.Contains(o.Outcome.Status)).ToList();
        // A few examples of each kind of wrong answer, so rare ones are not drowned by common ones.
        foreach (var (request, target, outcome) in wrong.GroupBy(w => (w.Request.Defect, w.Request.Case, w.Target, w.Outcome.Status)).SelectMany(g => g.Take(2)))
        {
            output.WriteLine($"WRONG via {target}: {request} -> {outcome} (allowed: {string.Join(", ", request.Allowed)})");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {outcomes.Count} calls got a status they should not (see output)");
        Assert.DoesNotContain(outcomes, o => o.Outcome.Status is StatusCode.Unknown or StatusCode.Unavailable);
        Assert.DoesNotContain(outcomes, o => o.Outcome.Status == StatusCode.Internal && o.Request.Defect != RequestDefect.BrokenFrame);
        Assert.All(outcomes, o => Assert.True(o.Outcome.StatusMetadataBytes <= MaxStatusMetadataBytes, $"{o.Request}: {o.Outcome.StatusMetadataBytes} bytes of status"));
        Assert.True(bystanderCalls > 0);
        Assert.True(bystanderFailures.Count == 0, $"bystanders failed: {string.Join("; ", bystanderFailures.Take(10))}");
        Assert.Equal(before, after);
        Assert.True(logProblems.Count == 0, $"the logs hold:\n{string.Join("\n", logProblems.Take(20))}");
    }

    [Fact]
    public async Task Fifty_requests_with_200_unknown_focus_areas_are_each_InvalidArgument_while_everyone_else_is_served()
    {
        var platform = await shared.StartedAsync(postgres);
        var logs = LogMark.Of(platform);
        var agreements = new AgreementService.AgreementServiceClient(platform.Gateway);
        var bystanders = Bystanders.Start(platform);
        var answers = new List<RpcException>();
        for (var i = 0; i < 50; i++)
        {
            var request = Create(AgreementKind.Collaboration, Hudiksvall);
            request.FocusAreas.Clear();
            request.FocusAreas.Add(Enumerable.Repeat((FocusArea)99, 200));
            answers.Add(await Assert.ThrowsAsync<RpcException>(() => agreements.CreateAgreementAsync(request, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync));
        }

        var (bystanderCalls, bystanderFailures) = await bystanders.StopAsync();
        var sizes = answers.Select(StatusMetadataBytes).ToList();
        output.WriteLine($"{string.Join(", ", answers.GroupBy(a => a.StatusCode).Select(g => $"{g.Count()} {g.Key}"))}; " +
                         $"status metadata {sizes.Min()}-{sizes.Max()} bytes; {bystanderCalls} bystander calls, {bystanderFailures.Count} failed " +
                         $"({string.Join(", ", bystanderFailures.GroupBy(f => f).Select(g => $"{g.Count()} {g.Key}"))})");
        output.WriteLine($"first answer: {answers[0].Status.Detail}");

        Assert.All(answers, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All(sizes, size => Assert.True(size <= MaxStatusMetadataBytes, $"{size} bytes of status metadata"));
        var violations = answers[0].GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations;
        // 201 violations (too many entries, then each unknown value): the first 20, and one entry counting the rest.
        Assert.Equal(21, violations.Count);
        Assert.Equal(["focus_areas", "focus_areas[0]"], violations.Take(2).Select(v => v.Field));
        Assert.Equal(("", "and 181 more"), (violations[20].Field, violations[20].Description));
        Assert.True(bystanderCalls > 0);
        Assert.True(bystanderFailures.Count == 0, $"bystanders failed: {string.Join("; ", bystanderFailures.Take(10))}");
        Assert.Empty(logs.ProblemsSince());
    }

    [Fact]
    public async Task Bytes_that_are_not_a_GetRegion_message_are_InvalidArgument_through_the_gateway_and_at_the_silo()
    {
        await shared.StartedAsync(postgres);
        using var gateway = shared.GatewayClient();
        using var silo = shared.SiloClient();
        const string path = "dua.v1.RegionService/GetRegion";

        // 08 ff is a truncated varint; every single byte is a tag without its value (or no valid tag at all).
        var truncated = await gateway.CallAsync(path, GrpcFrames.Frame([0x08, 0xff]));
        var atSilo = await silo.CallAsync(path, GrpcFrames.Frame([0x08, 0xff]));
        var singleBytes = new List<RawGrpcOutcome>();
        for (var b = 0; b < 256; b++)
        {
            singleBytes.Add(await gateway.CallAsync(path, GrpcFrames.Frame([(byte)b])));
        }

        Assert.Equal((StatusCode.InvalidArgument, "the request is not a valid dua.v1.GetRegionRequest message"), (truncated.Status, truncated.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "the request is not a valid dua.v1.GetRegionRequest message"), (atSilo.Status, atSilo.Detail));
        Assert.All(singleBytes, outcome => Assert.Equal(StatusCode.InvalidArgument, outcome.Status));
    }

    [Fact]
    public async Task A_600_KB_CreateAgreement_is_ResourceExhausted_naming_the_limit_through_the_gateway_and_at_the_silo()
    {
        var platform = await shared.StartedAsync(postgres);
        var request = Newcomers(Hudiksvall);
        request.EmploymentOffice = new string('x', 600 * 1024);
        var agreements = new AgreementService.AgreementServiceClient(platform.Gateway);
        using var siloChannel = platform.SiloChannelFor(0, TestCallers.Agency);
        var straight = new AgreementService.AgreementServiceClient(siloChannel);

        var viaGateway = await Assert.ThrowsAsync<RpcException>(() => agreements.CreateAgreementAsync(request).ResponseAsync);
        var atSilo = await Assert.ThrowsAsync<RpcException>(() => straight.CreateAgreementAsync(request).ResponseAsync);

        output.WriteLine($"gateway: {viaGateway.Status}; silo: {atSilo.Status}");
        Assert.Equal(StatusCode.ResourceExhausted, viaGateway.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, atSilo.StatusCode);
        Assert.Contains("262144 bytes", viaGateway.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("262144 bytes", atSilo.Status.Detail, StringComparison.Ordinal);
    }

    private static int StatusMetadataBytes(RpcException e) =>
        Encoding.UTF8.GetByteCount(e.Status.Detail) + e.Trailers.Where(t => t.IsBinary).Sum(t => (t.ValueBytes.Length + 2) / 3 * 4);

    private static string StatusTotals(IEnumerable<(string Row, StatusCode Status)> outcomes)
    {
        var rows = outcomes.GroupBy(o => o.Row).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var statuses = rows.SelectMany(g => g.Select(o => o.Status)).Distinct().Order().ToList();
        var table = new StringBuilder();
        table.AppendLine($"| {"",-44} | {string.Join(" | ", statuses.Select(s => s.ToString()))} | total |");
        table.AppendLine($"|{new string('-', 46)}|{string.Join("|", statuses.Select(s => new string('-', s.ToString().Length + 2)))}|-------|");
        foreach (var row in rows.Append(outcomes.GroupBy(_ => "total").Single()))
        {
            table.AppendLine($"| {row.Key,-44} | {string.Join(" | ", statuses.Select(s => row.Count(o => o.Status == s).ToString().PadLeft(s.ToString().Length)))} | {row.Count(),5} |");
        }

        return table.ToString();
    }

    /// <summary>What the platform holds: grain rows and their versions, audit rows, the country's figures and a county's recount.</summary>
    private sealed record StoredState(long GrainRows, long GrainVersions, long AuditRows, string NationalFigures, bool RecountEqual);

    private async Task<StoredState> StoredStateAsync(PlatformCluster platform)
    {
        await using var dataSource = NpgsqlDataSource.Create(shared.ConnectionString);
        await using var grains = dataSource.CreateCommand("SELECT count(*), coalesce(sum(version), 0) FROM orleansstorage");
        await using var reader = await grains.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, versions) = (reader.GetInt64(0), reader.GetInt64(1));
        await using var audit = dataSource.CreateCommand("SELECT count(*) FROM dua_audit_entries");
        var auditRows = (long)(await audit.ExecuteScalarAsync())!;

        var national = (await new StatisticsService.StatisticsServiceClient(platform.Gateway).GetNationalSummaryAsync(new())).Clone();
        WithoutTimes(national);
        var recount = await new OperationsService.OperationsServiceClient(platform.ChannelFor(TestCallers.Operations))
            .RecountRegionAsync(new() { RegionCode = Gavleborg });
        return new StoredState(rows, versions, auditRows, JsonFormatter.Default.Format(national), recount.Equal);
    }

    /// <summary>Clears every as_of: a summary says when it was made, which is not what is compared.</summary>
    private static void WithoutTimes(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message))
        {
            if (field.Name == "as_of" && !field.IsRepeated)
            {
                field.Accessor.Clear(message);
            }
            else if (field.IsRepeated && !field.IsMap)
            {
                foreach (var item in ((System.Collections.IEnumerable)field.Accessor.GetValue(message)).OfType<IMessage>())
                {
                    WithoutTimes(item);
                }
            }
            else if (!field.IsMap && field.Accessor.GetValue(message) is IMessage nested)
            {
                WithoutTimes(nested);
            }
        }
    }

    /// <summary>Where the processes' output stood, to look at what they logged since.</summary>
    private sealed partial class LogMark(IReadOnlyList<(ChildProcess Process, int Offset)> marks)
    {
        public static LogMark Of(PlatformCluster platform) => new([.. platform.Processes.Select(p => (p, p.Output.Length))]);

        /// <summary>
        /// Stack traces (each frame, and the two lines before a trace, which say what was logged) and the forwarder's
        /// per-call body-size warning, logged since the mark.
        /// </summary>
        public List<string> ProblemsSince() =>
        [
            .. marks.SelectMany(mark =>
            {
                var lines = mark.Process.Output[mark.Offset..].Split('\n');
                return lines.SelectMany((line, i) =>
                    StackFrame().IsMatch(line) ? (i > 1 && !StackFrame().IsMatch(lines[i - 1]) ? lines[(i - 2)..(i + 1)] : [line])
                    : line.Contains("Unable to disable max request body size", StringComparison.Ordinal) ? [line]
                    : []).Select(line => $"{mark.Process.Name}: {line.Trim()}");
            }),
        ];

        [GeneratedRegex(@"^\s+at \S+\(|--- End of stack trace")]
        private static partial Regex StackFrame();
    }
}
