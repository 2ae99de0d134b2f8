using System.Globalization;
using System.Security.Cryptography;
using Dua.Security;
using Dua.Testing;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// The real silo program (the build output of hosts/Dua.Silo) as a child process of its own: localhost
/// clustering, in-memory storage, free ports, a random pseudonym key. Its cluster and service ids are the silo's
/// defaults (<c>SiloHostOptions</c>), which the Orleans client must name too.
/// </summary>
public sealed class SiloUnderTest : IDisposable
{
    public const string ClusterId = "dua";
    public const string ServiceId = "dua-platform";

    // The benchmark stands in for the gateway: it holds the silo's credential and calls as operations (exact figures).
    private static readonly string Credential = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private static readonly Caller Reader = new("growth-benchmark", "Dua drift", Roles.Operations, [CallerArea.Country]);

    private readonly ChildProcess _process;

    private SiloUnderTest(ChildProcess process, int orleansClientPort, int grpcPort, int httpPort)
    {
        _process = process;
        OrleansClientPort = orleansClientPort;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    /// <summary>The port Orleans clients connect to.</summary>
    public int OrleansClientPort { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public int ProcessId => _process.Id;

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>What the gateway would send along with every call: its credential and the caller.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> GatewayHeaders { get; } =
        [.. CallerHeaders.ForSilo(Reader, Credential)];

    /// <param name="extraEnvironment">Settings added to the silo's environment (and overriding the benchmark's own).</param>
    public static SiloUnderTest Start(IReadOnlyDictionary<string, string> extraEnvironment)
    {
        var (silo, orleansClient, grpc, http) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var environment = new Dictionary<string, string>
        {
            ["Silo__Clustering"] = "Localhost",
            ["Silo__Storage"] = "Memory",
            ["Silo__SiloPort"] = Invariant(silo),
            ["Silo__OrleansClientPort"] = Invariant(orleansClient),
            ["Silo__GrpcPort"] = Invariant(grpc),
            ["Silo__HttpPort"] = Invariant(http),
            ["Participants__PseudonymKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Silo__GatewayCredential"] = Credential,
            // Keeps the captured output small; warnings and errors still show in a failure message.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        var process = ChildProcess.StartDotnet($"dua-silo-{grpc}", BuildOutput.Silo, environment);
        return new SiloUnderTest(process, orleansClient, grpc, http);
    }

    /// <summary>Waits until the silo's readiness probe says it has joined and loaded its reference data.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}.\n{_process.Tail()}");
            }

            try
            {
                if (await http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/healthz")) == "Healthy")
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The silo was not ready within {timeout.TotalSeconds} s.\n{_process.Tail()}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The silo process's resident memory (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            // "VmRSS:	  123456 kB"
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmRSS:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{ProcessId}/status has no VmRSS line.");
    }

    public string Tail() => _process.Tail();

    public void Dispose() => _process.Dispose();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
