using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using Dua.Contracts.V1;
using Dua.Security;
using Dua.Testing;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit.Abstractions;

namespace Dua.EndToEnd.Tests;

/// <summary>
/// Operations with the real scripts: deploy/run.sh starts the platform, deploy/silo.sh adds a silo (skipping an
/// index whose port is taken) and stops one gracefully while calls go through the gateway, and Ctrl-C on run.sh
/// leaves no process behind. run.sh starts the identity provider, keeps the client secrets and the silo credential
/// private, prints a ready token, and deploy/token.sh gets tokens from the provider that the gateway accepts.
/// </summary>
// In the PostgreSQL collection only to run alone: two multi-process platforms would compete for two cores.
[Collection(PostgresFixture.Collection)]
public sealed class PlatformOperationsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);
    private const int Workers = 4;
    private const int OrleansStatusDead = 6;
    private const int MaxAttempts = 4;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_silo_added_at_run_time_gets_traffic_a_graceful_stop_fails_no_call_and_CtrlC_stops_everything()
    {
        using var platform = new ScriptedPlatform();
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

    private async Task RunScenarioAsync(ScriptedPlatform platform)
    {
        var clock = Stopwatch.StartNew();
        await platform.StartAsync(silos: 2, StartTimeout);
        output.WriteLine($"run.sh: platform running after {clock.Elapsed.TotalSeconds:F1} s");
        await DevelopmentTokensWorkAsync(platform);
        var client = new MunicipalityService.MunicipalityServiceClient(platform.Gateway);
        await WaitUntilServedByAsync(client, platform.SiloName(0), TimeSpan.FromSeconds(30));
        await WaitUntilServedByAsync(client, platform.SiloName(1), TimeSpan.FromSeconds(30));

        // Something else holds silo 2's gRPC port: add skips that index, says so, and starts silo 3.
        await AddSiloWhilePortTakenAsync(platform, client);

        // A graceful stop of an original silo while four clients keep calling through the gateway.
        await StopSiloUnderLoadAsync(platform, client, victim: 0);

        var list = await platform.SiloCommandAsync("list");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Matches(@"(?m)^0\s+\d+\s+.*\sstopped\s", list.Output);
        Assert.Matches(@"(?m)^1\s+\d+\s+.*\srunning\s+Healthy", list.Output);
        Assert.Matches(@"(?m)^3\s+\d+\s+.*\srunning\s+Healthy", list.Output);

        await CtrlCLeavesNothingRunningAsync(platform);
    }

    private static async Task DevelopmentTokensWorkAsync(ScriptedPlatform platform)
    {
        var keys = Path.Combine(platform.RunDirectory, "keys");
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!OperatingSystem.IsWindows()) // run.sh is a bash script; the guard satisfies the platform analyzer
        {
            foreach (var secret in new[] { "silo-credential", "web-client-secret", "dev-tokens-client-secret" }
                         .Select(name => Path.Combine(keys, name))
                         .Concat(Directory.GetFiles(Path.Combine(keys, "identity"))))
            {
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(secret));
            }
        }

        Assert.True(platform.Security.SiloCredential.Length >= 32, "the silo credential is shorter than 32 characters");
        // run.sh writes platform.env just before it prints its banner.
        await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(20), "run.sh printing a ready token", () =>
        {
            Assert.Contains("export DUA_TOKEN=ey", platform.RunScript.Output, StringComparison.Ordinal);
            Assert.Contains($"identity provider:    http://127.0.0.1:{platform.IdentityProviderPort}/", platform.RunScript.Output, StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        // token.sh's token: issued by the provider (checked against its published keys) and accepted by the gateway.
        var token = await platform.TokenFromScriptAsync("regional-office", "21");
        var issuer = $"http://127.0.0.1:{platform.IdentityProviderPort}/";
        using var http = new HttpClient();
        var keySet = new JsonWebKeySet(await http.GetStringAsync($"{issuer}.well-known/jwks"));
        var validated = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = PlatformSecurity.Audience,
            IssuerSigningKeys = keySet.GetSigningKeys(),
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.True(Caller.TryFromClaims(new ClaimsPrincipal(validated.ClaimsIdentity), out var caller, out var problem), problem);
        Assert.Equal((Roles.RegionalOffice, "21"), (caller!.Role, caller.AreaList));

        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{platform.GatewayPort}");
        var region = await new RegionService.RegionServiceClient(channel).GetRegionAsync(
            new GetRegionRequest { RegionCode = "21" }, new Metadata { { "authorization", $"Bearer {token}" } });
        Assert.Equal("21", region.Region.RegionCode);
    }

    private async Task AddSiloWhilePortTakenAsync(ScriptedPlatform platform, MunicipalityService.MunicipalityServiceClient client)
    {
        var blockedPort = platform.GrpcBase + 2;
        var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, blockedPort);
        blocker.Start();
        try
        {
            var add = await platform.SiloCommandAsync("add");
            output.WriteLine(add.Output);
            Assert.True(add.ExitCode == 0, add.Output);
            Assert.Contains($"silo 2 skipped: its gRPC port {blockedPort} (DUA_SILO_GRPC_BASE+2) is already in use", add.Output);
            Assert.Contains("silo 3 is healthy", add.Output);
            Assert.Equal("running", platform.State("silos/3")["state"]);
        }
        finally
        {
            blocker.Stop();
        }

        var routed = Stopwatch.StartNew();
        await WaitUntilServedByAsync(client, platform.SiloName(3), TimeSpan.FromSeconds(10));
        output.WriteLine($"the gateway routed to the added silo {routed.ElapsedMilliseconds} ms after silo.sh add returned");
    }

    private async Task StopSiloUnderLoadAsync(ScriptedPlatform platform, MunicipalityService.MunicipalityServiceClient client, int victim)
    {
        var codes = await Municipalities.AllCodesAsync(client);
        Assert.Equal(290, codes.Length);
        var victimName = platform.SiloName(victim);
        var victimPid = int.Parse(platform.State($"silos/{victim}")["pid"]);
        var clock = Stopwatch.StartNew();
        using var stopCalling = new CancellationTokenSource();
        var seen = new ConcurrentQueue<Call>();
        var workers = Enumerable.Range(0, Workers)
            .Select(worker => Task.Run(() => CallContinuouslyAsync(client, codes, worker, clock, seen, stopCalling.Token)))
            .ToArray();
        var live = new[] { victimName, platform.SiloName(1), platform.SiloName(3) };

        // Traffic reaches every silo before the stop, and after it calls every municipality again, on the others.
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(30), $"calls served by each of {string.Join(", ", live)}",
            () => Task.FromResult(live.All(silo => seen.Any(c => c.ServedBy == silo))));
        var stopIssued = clock.Elapsed;
        var stop = await platform.SiloCommandAsync("stop", victim.ToString());
        var stopReturned = clock.Elapsed;
        var membershipStatus = await LatestMembershipStatusAsync(platform, platform.SiloPortBase + victim);
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(30), $"{codes.Length} calls after the stop, served by {live[1]} and {live[2]}",
            () => Task.FromResult(seen.Count(c => c.Started > stopReturned) >= codes.Length
                && live[1..].All(silo => seen.Any(c => c.Started > stopReturned && c.ServedBy == silo))));
        stopCalling.Cancel();
        await Task.WhenAll(workers);
        var calls = seen.OrderBy(c => c.Started).ToList();

        output.WriteLine(stop.Output);
        Assert.True(stop.ExitCode == 0, stop.Output);
        Assert.Contains($"silo {victim} (pid {victimPid}) stopped gracefully in", stop.Output);
        Assert.False(ScriptedPlatform.IsAlive(victimPid), $"silo {victim} (pid {victimPid}) still runs");
        // Graceful: the silo declared itself dead on the way out. A killed silo stays Active until peers vote it out.
        Assert.Equal(OrleansStatusDead, membershipStatus);
        Assert.Equal(("stopped", "0"), (platform.State($"silos/{victim}")["state"], platform.State($"silos/{victim}")["exit_code"]));
        Assert.Contains($"run.sh: silo {victim} (pid {victimPid}) stopped", platform.RunScript.Output);
        Assert.DoesNotContain($"run.sh: silo {victim} (pid {victimPid}) exited", platform.RunScript.Output);

        var failed = calls.Where(c => c.Failure is not null).ToList();
        var retried = calls.SelectMany(c => c.Retried).ToList();
        var lastToVictim = calls.Where(c => c.ServedBy == victimName).Select(c => c.Ended).DefaultIfEmpty().Max();
        var afterStop = calls.Where(c => c.Started > stopIssued).ToList();
        output.WriteLine($"graceful stop of silo {victim}: silo.sh took {(stopReturned - stopIssued).TotalSeconds:F1} s; " +
                         $"its last call ended {(lastToVictim - stopIssued).TotalMilliseconds:F0} ms after the stop was issued; " +
                         $"{calls.Count} calls ({afterStop.Count} after the stop), {failed.Count} failed; " +
                         $"{retried.Count} attempts answered UNAVAILABLE and retried" +
                         string.Concat(retried.Select(a => $"\n  {(a.At - stopIssued).TotalMilliseconds:F0} ms after the stop, by {a.ServedBy ?? "the gateway"}: {a.Detail}")) +
                         "\n  after the stop served by " +
                         string.Join(", ", afterStop.GroupBy(c => c.ServedBy).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(failed.Count == 0, $"{failed.Count} of {calls.Count} calls failed, e.g. " +
            string.Join("; ", failed.Take(5).Select(c => $"{c.Failure} at {(c.Started - stopIssued).TotalMilliseconds:F0} ms from {c.ServedBy ?? "the gateway"}")));
        // The gateway never routed a call to the stopping silo's closed port (it would answer 502 itself): every
        // retried attempt was answered by a live silo whose grain call met the grains moving off the stopped one.
        Assert.All(retried, a => Assert.Contains(a.ServedBy, new[] { platform.SiloName(1), platform.SiloName(3), victimName }));
        Assert.Contains(calls, c => c.ServedBy == victimName && c.Started < stopIssued);
        Assert.DoesNotContain(calls, c => c.ServedBy == victimName && c.Started > stopReturned);
        Assert.Contains(afterStop, c => c.ServedBy == platform.SiloName(1));
        Assert.Contains(afterStop, c => c.ServedBy == platform.SiloName(3));

        // Stopping it again is refused, naming its state.
        var again = await platform.SiloCommandAsync("stop", victim.ToString());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"silo {victim} is not running (it is stopped)", again.Output);
    }

    private async Task CtrlCLeavesNothingRunningAsync(ScriptedPlatform platform)
    {
        var postmaster = platform.PostmasterPid() ?? throw new InvalidOperationException("PostgreSQL is not running");
        var running = platform.ProcessesInSession();
        var clock = Stopwatch.StartNew();
        platform.PressCtrlC();
        // An impatient operator, or a service manager, signals again while run.sh stops: stopping goes on to the end.
        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "run.sh stopping",
            () => Task.FromResult(platform.RunScript.Output.Contains("run.sh: stopping", StringComparison.Ordinal)));
        platform.Terminate();
        platform.Terminate();
        var exitCode = await platform.RunScript.WaitForExitAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"Ctrl-C and two SIGTERMs: run.sh stopped {running.Count} processes and PostgreSQL in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(0, exitCode);
        Assert.Contains("run.sh: stopping", platform.RunScript.Output);
        Assert.Empty(platform.ProcessesInSession());
        // pg_ctl's wait ends when the server removes its pid file, a moment before its process is gone.
        await Eventually.SucceedsWithinAsync(TimeSpan.FromSeconds(10), $"PostgreSQL (pid {postmaster}) gone",
            () => Task.Run(() => Assert.False(ScriptedPlatform.IsAlive(postmaster), $"PostgreSQL (pid {postmaster}) still runs")));
        var ports = new[] { platform.GatewayPort, platform.PostgresPort }
            .Concat(Enumerable.Range(0, 4).SelectMany(i => new[]
                { platform.GrpcBase + i, platform.HttpBase + i, platform.SiloPortBase + i, platform.SiloOrleansClientBase + i }));
        Assert.All(ports, port => Assert.False(PortBlock.IsListening(port), $"something still listens on port {port}"));
        Assert.False(File.Exists(Path.Combine(platform.RunDirectory, "platform.env")), "platform.env outlived the platform");
    }

    /// <summary>
    /// Calls as a well-behaved client does: UNAVAILABLE means retry (the API says so), anything else is final.
    /// Every attempt that failed is recorded, so the test sees where failures come from, not only whether a call
    /// succeeded in the end.
    /// </summary>
    private static async Task CallContinuouslyAsync(
        MunicipalityService.MunicipalityServiceClient client, string[] codes, int worker, Stopwatch clock, ConcurrentQueue<Call> calls,
        CancellationToken stop)
    {
        // Each worker walks every municipality, so grains that lived on the stopped silo are called too.
        for (var i = worker; !stop.IsCancellationRequested; i += Workers)
        {
            var code = codes[i % codes.Length];
            var started = clock.Elapsed;
            var retried = new List<Attempt>();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var call = client.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = code }, deadline: DateTime.UtcNow.AddSeconds(10));
                    var response = await call.ResponseAsync;
                    var servedBy = (await call.ResponseHeadersAsync).GetValue("dua-served-by");
                    var wrong = response.Municipality.MunicipalityCode == code ? null : $"asked for {code}, got {response.Municipality.MunicipalityCode}";
                    calls.Enqueue(new Call(started, clock.Elapsed, servedBy, wrong, retried));
                    break;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < MaxAttempts)
                {
                    retried.Add(new Attempt(clock.Elapsed, e.Trailers.GetValue("dua-served-by"), e.Status.Detail));
                    await Task.Delay(RetryDelay);
                }
                catch (RpcException e)
                {
                    calls.Enqueue(new Call(started, clock.Elapsed, e.Trailers.GetValue("dua-served-by"), $"{e.StatusCode}: {e.Status.Detail}", retried));
                    break;
                }
            }
        }
    }

    private static async Task<int> LatestMembershipStatusAsync(ScriptedPlatform platform, int siloPort)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("port", siloPort);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private static async Task WaitUntilServedByAsync(MunicipalityService.MunicipalityServiceClient client, string silo, TimeSpan timeout) =>
        await Eventually.SucceedsWithinAsync(timeout, $"a call through the gateway served by {silo}", async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var call = client.GetMunicipalityAsync(new GetMunicipalityRequest { MunicipalityCode = "2184" }, deadline: DateTime.UtcNow.AddSeconds(5));
                await call.ResponseAsync;
                if ((await call.ResponseHeadersAsync).GetValue("dua-served-by") == silo)
                {
                    return;
                }
            }

            Assert.Fail($"no call was served by {silo}");
        });

    private sealed record Call(TimeSpan Started, TimeSpan Ended, string? ServedBy, string? Failure, IReadOnlyList<Attempt> Retried);

    /// <summary>An attempt answered UNAVAILABLE, by a silo (named) or by the gateway itself (no name).</summary>
    private sealed record Attempt(TimeSpan At, string? ServedBy, string Detail);
}
