using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Dua.ServiceDefaults.Observability;
using Dua.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dua.ServiceDefaults.Tests;

/// <summary>Metrics, probes and logs every host gets from the service defaults, on a real Kestrel.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format_with_the_platform_meter_and_the_runtime()
    {
        var port = FreePort.Next();
        var builder = TestHosts.Builder(port);
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var counter = app.Services.GetRequiredService<IMeterFactory>().Create(PlatformTelemetry.MeterName)
            .CreateCounter<long>("dua.test.things", "{thing}");
        counter.Add(2, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "a"));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{ServiceDefaultsExtensions.MetricsPath}"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^dua_test_things_total\{[^}]*kind=""a""[^}]*\} 3(\s|$)", text);
        Assert.Matches(@"(?m)^dotnet_gc_", text);
    }

    [Fact]
    public void Metrics_are_for_loopback_callers_and_the_networks_an_operator_names()
    {
        var access = new MetricsAccess([IPNetwork.Parse("10.0.5.0/24")]);

        Assert.True(access.Allows(From("127.0.0.1")));
        Assert.True(access.Allows(From("::1")));
        Assert.True(access.Allows(From("10.0.5.7")));
        Assert.True(access.Allows(From("::ffff:10.0.5.7")));
        Assert.False(access.Allows(From("10.0.6.7")));
        Assert.False(access.Allows(From("192.0.2.1")));
        Assert.False(access.Allows(new DefaultHttpContext()));
    }

    [Fact]
    public void A_network_that_is_not_CIDR_is_refused_naming_the_setting()
    {
        var builder = TestHosts.Builder(FreePort.Next());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observability:MetricsAllowedNetworks:0"] = "10.0.5.0/24",
            ["Observability:MetricsAllowedNetworks:1"] = "the scrapers",
        });
        builder.AddServiceDefaults();
        using var services = builder.Services.BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ObservabilityOptions>>().Value);

        Assert.Contains("Observability:MetricsAllowedNetworks: 'the scrapers'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_holds_while_readiness_fails_and_both_answer_without_more()
    {
        var port = FreePort.Next();
        var builder = TestHosts.Builder(port);
        builder.AddServiceDefaults();
        var ready = false;
        builder.Services.AddHealthChecks().AddCheck("ready", () => ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("draining"));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var http = new HttpClient();
        var root = $"http://127.0.0.1:{port}";

        using var live = await http.GetAsync(new Uri(root + ServiceDefaultsExtensions.LivenessPath));
        using var notReady = await http.GetAsync(new Uri(root + ServiceDefaultsExtensions.ReadinessPath));
        ready = true;
        using var nowReady = await http.GetAsync(new Uri(root + ServiceDefaultsExtensions.ReadinessPath));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nowReady.StatusCode);
    }

    private static DefaultHttpContext From(string address) =>
        new() { Connection = { RemoteIpAddress = IPAddress.Parse(address) } };
}

/// <summary>JSON console logs, chosen by configuration, carry the trace and span of the work they describe.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class JsonLogTests
{
    [Fact]
    public async Task Json_log_lines_carry_the_trace_id_and_span_id()
    {
        var original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        string traceId;
        string spanId;
        try
        {
            // As an operator sets it (Logging__Console__FormatterName=json in the environment, or on the command line).
            var builder = WebApplication.CreateBuilder(
                ["--Logging:Console:FormatterName=json", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Dua=Information"]);
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole();
            builder.AddServiceDefaults();
            await using (var app = builder.Build())
            {
                using var activity = new Activity("a call").Start();
                traceId = activity.TraceId.ToString();
                spanId = activity.SpanId.ToString();
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dua.Test").LogInformation("Answered {Count} calls", 3);
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        var line = captured.ToString().Split('\n').Single(l => l.Contains("Answered 3 calls", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, scope => scope.TryGetProperty("TraceId", out var t) && t.GetString() == traceId);
        Assert.Contains(scopes, scope => scope.TryGetProperty("SpanId", out var s) && s.GetString() == spanId);
        Assert.Equal(3, json.RootElement.GetProperty("State").GetProperty("Count").GetInt32());
    }
}
