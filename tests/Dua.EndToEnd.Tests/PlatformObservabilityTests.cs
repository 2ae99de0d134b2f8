using System.Net;
using System.Text.RegularExpressions;
using Dua.Contracts.V1;
using Dua.DemoData;
using Dua.EndToEnd.Tests.Otlp;
using Dua.Migrations;
using Dua.Testing;
using Xunit.Abstractions;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// What an operator sees, with real processes: after a small load, each process's <c>/metrics</c> shows Orleans,
/// gRPC, Npgsql and the platform's own instruments with plausible values; one write's trace, exported over OTLP to a
/// stand-in collector, runs from the gateway through the silo and its grain calls to SQL; the probes answer; and no
/// personal identity number is in any of it.
/// </summary>
[Collection("postgres")]
public sealed partial class PlatformObservabilityTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const string PersonalIdentityNumber = "811218-9876";

    [Fact]
    public async Task Metrics_traces_and_probes_show_a_write_from_the_gateway_to_SQL()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync("e2e_observability");
        await DuaSchema.ApplyAsync(connectionString);
        using var collector = new OtlpTraceReceiver();
        using var platform = new PlatformCluster(connectionString);
        foreach (var (name, value) in collector.ExporterEnvironment)
        {
            platform.SharedEnvironment[name] = value;
        }

        try
        {
            await RunScenarioAsync(platform, collector);
        }
        catch
        {
            output.WriteLine(platform.Diagnostics());
            throw;
        }
    }

    private async Task RunScenarioAsync(PlatformCluster platform, OtlpTraceReceiver collector)
    {
        platform.StartSilo(0);
        platform.StartGateway();
        await platform.WaitUntilReadyAsync(0, StartTimeout);
        await platform.WaitUntilGatewayServesAsync(StartTimeout);
        var siloHttp = $"http://127.0.0.1:{platform.PortsOf(0).Http}";
        var gateway = $"http://127.0.0.1:{platform.GatewayPort}";

        // Probes: alive and ready, on the silo's HTTP port and the gateway's h2c port, without a token.
        using var http = new HttpClient();
        foreach (var probe in new[] { "/health/live", "/health/ready" })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(siloHttp + probe)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await H2cGetAsync(http, gateway + probe)).StatusCode);
        }

        // A small load: the demo's agreements, one enrolment with a personal identity number, and reads.
        await DemoDataSet.LoadAsync(platform.Gateway, TextWriter.Null);
        var participants = new ParticipantService.ParticipantServiceClient(platform.Gateway);
        await participants.EnrolParticipantAsync(new EnrolParticipantRequest
        {
            RequestId = "observability-enrol",
            AgreementId = "21-79ecd7f1acc06f2d",
            PersonalIdentityNumber = PersonalIdentityNumber,
            AgeBand = AgeBand._4049,
            TargetGroups = { TargetGroup.Newcomers },
            EnrolledOn = "2026-09-01",
        });
        var statistics = new StatisticsService.StatisticsServiceClient(platform.Gateway);
        var municipalities = new MunicipalityService.MunicipalityServiceClient(platform.Gateway);
        for (var i = 0; i < 3; i++)
        {
            await statistics.GetRegionSummaryAsync(new GetRegionSummaryRequest { RegionCode = "21" });
            await municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = "2184" });
        }

        await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = "9999" }));

        var siloMetrics = await http.GetStringAsync(siloHttp + "/metrics");
        var gatewayMetrics = await (await H2cGetAsync(http, gateway + "/metrics")).Content.ReadAsStringAsync();
        output.WriteLine(string.Join("\n", siloMetrics.Split('\n').Where(line => line.StartsWith("dua_", StringComparison.Ordinal))));
        output.WriteLine(string.Join("\n", gatewayMetrics.Split('\n').Where(line => line.StartsWith("dua_", StringComparison.Ordinal))));

        // The silo: Orleans, gRPC served (ASP.NET Core's request duration by gRPC route), Npgsql, the runtime, its own.
        Assert.True(Value(siloMetrics, "orleans_", "") > 0, "no Orleans figures on the silo");
        Assert.True(Value(siloMetrics, "http_server_request_duration_seconds_count", "http_route=\"/dua.v1.AgreementService/CreateAgreement\"") >= 1);
        Assert.True(Value(siloMetrics, "db_client_", "") > 0, "no Npgsql figures on the silo");
        Assert.True(Value(siloMetrics, "dotnet_gc_", "") > 0, "no runtime figures on the silo");
        Assert.True(Value(siloMetrics, "dua_silo_acknowledged_writes_total", "rpc_method=\"/dua.v1.AgreementService/CreateAgreement\"") >= 1);
        Assert.True(Value(siloMetrics, "dua_silo_acknowledged_writes_total", "rpc_method=\"/dua.v1.ParticipantService/EnrolParticipant\"") >= 1);
        Assert.True(Value(siloMetrics, "dua_silo_refused_calls_total", "rpc_grpc_status=\"NOT_FOUND\"") >= 1);
        Assert.True(Value(siloMetrics, "dua_statistics_feed_duration_seconds_count", "") >= 1);
        Assert.True(Value(siloMetrics, "dua_statistics_summary_freshness_seconds_count", "") >= 1);
        // The group commit: commits, the writes they carried (at least one each), and each write's wait.
        Assert.True(Value(siloMetrics, "dua_storage_commit_duration_seconds_count", "") >= 1, "no group commit counted on the silo");
        Assert.True(Value(siloMetrics, "dua_storage_commit_writes_count", "") >= 1, "no commit size counted on the silo");
        Assert.True(Value(siloMetrics, "dua_storage_write_duration_seconds_count", "") >= 1, "no write's wait counted on the silo");

        // The gateway: calls by status, its caches, outgoing HTTP to the silos.
        Assert.True(Value(gatewayMetrics, "dua_gateway_calls_total", "rpc_grpc_status=\"OK\"") >= 10);
        Assert.True(Value(gatewayMetrics, "dua_gateway_calls_total", "rpc_grpc_status=\"NOT_FOUND\"") >= 1);
        Assert.True(Value(gatewayMetrics, "dua_gateway_token_cache_lookups_total", "result=\"hit\"") >= 1);
        Assert.True(Value(gatewayMetrics, "dua_gateway_response_cache_lookups_total", "") >= 1);
        Assert.True(Value(gatewayMetrics, "http_client_request_duration_seconds_count", "") >= 1);

        // One enrolment's trace: the gateway's server and client spans, the silo's server span, its grain calls and its SQL.
        IReadOnlyList<ReceivedSpan> trace = [];
        await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(30), "the enrolment's trace at the collector", () =>
        {
            var spans = collector.Spans;
            // The gateway names its spans by its catch-all route; the silo's server span names the method.
            var served = spans.FirstOrDefault(s => s.Service == "Dua.Silo" && s.Scope == "Microsoft.AspNetCore"
                                                   && s.Span.Name.Contains("EnrolParticipant", StringComparison.Ordinal));
            Assert.True(served is not null, "no silo span for EnrolParticipant among: " + string.Join(", ",
                spans.Select(s => $"{s.Service} [{s.Scope}] {s.Span.Name}").Distinct().Take(40)));
            trace = spans.Where(s => s.TraceId == served.TraceId).ToList();
            Assert.Contains(trace, s => s.Service == "Dua.Gateway" && s.Scope == "Microsoft.AspNetCore");
            Assert.Contains(trace, s => s.Service == "Dua.Gateway" && s.Scope == "System.Net.Http");
            Assert.Contains(trace, s => s.Service == "Dua.Silo" && s.Scope == "Microsoft.Orleans.Application");
            Assert.Contains(trace, s => s.Service == "Dua.Silo" && s.Scope == "Npgsql");
            return Task.CompletedTask;
        });
        output.WriteLine(string.Join("\n", trace));
        // Every span but the gateway's first has its parent in the same trace: one tree, not pieces that share an id.
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        Assert.Single(trace, s => !ids.Contains(s.ParentSpanId));

        // No personal identity number in any figure or span.
        var digits = PersonalIdentityNumber.Replace("-", "", StringComparison.Ordinal);
        foreach (var text in collector.Spans.Select(s => s.Span.ToString()).Append(siloMetrics).Append(gatewayMetrics))
        {
            Assert.DoesNotContain(PersonalIdentityNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
        }
    }

    /// <summary>The sum of every sample whose name starts with <paramref name="prefix"/> and whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string metrics, string prefix, string label) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
            .Select(line => Sample().Match(line))
            .Where(match => match.Success)
            .Sum(match => double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static Task<HttpResponseMessage> H2cGetAsync(HttpClient http, string url) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

    // A sample line ends with its value, optionally followed by a timestamp.
    [GeneratedRegex(@"\s(-?[0-9.eE+]+|NaN|\+Inf)(\s+\d+)?\s*$")]
    private static partial Regex Sample();
}
