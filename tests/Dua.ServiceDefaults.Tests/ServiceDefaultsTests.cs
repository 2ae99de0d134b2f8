using System.Net;
using Dua.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dua.ServiceDefaults.Tests;

/// <summary>What every host registers and serves alike, on a real Kestrel.</summary>
public sealed class ServiceDefaultsTests
{
    [Fact]
    public async Task The_health_probe_answers_healthy_and_no_answer_names_the_server()
    {
        var port = FreePort.Next();
        var builder = TestHosts.Builder(port);
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}{ServiceDefaultsExtensions.HealthPath}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task The_health_probe_answers_503_while_a_check_the_host_added_fails()
    {
        var port = FreePort.Next();
        var builder = TestHosts.Builder(port);
        builder.AddServiceDefaults();
        var ready = false;
        builder.Services.AddHealthChecks().AddCheck("ready", () => ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("starting"));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var http = new HttpClient();
        var probe = new Uri($"http://127.0.0.1:{port}{ServiceDefaultsExtensions.HealthPath}");

        using var starting = await http.GetAsync(probe);
        ready = true;
        using var serving = await http.GetAsync(probe);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Equal("Unhealthy", await starting.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, serving.StatusCode);
    }

    [Fact]
    public void Every_host_gets_the_system_clock_unless_it_brings_its_own()
    {
        var builder = TestHosts.Builder(FreePort.Next());
        builder.AddServiceDefaults();

        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }
}
