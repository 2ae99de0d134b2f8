using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Dua.Contracts.V1;
using Google.Protobuf;

namespace Dua.Benchmarks.Growth;

/// <summary>
/// Reads one county's summary with h2load (Debian's nghttp2-client), which costs several times less per call than
/// a .NET client, so more of the machine goes to the silo. The same number of streams in flight on one connection
/// as <see cref="GrpcSummaryReader"/>. Percentiles come from h2load's per-request log. h2load counts an answer by
/// its HTTP status, and gRPC errors come with HTTP 200: the .NET reader checks the answers first.
/// </summary>
public sealed partial class H2loadSummaryReader(Uri address, int concurrency)
{
    private const string Path = "/dua.v1.StatisticsService/GetRegionSummary";

    public static bool IsInstalled() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(System.IO.Path.Combine(dir, "h2load"))) == true;

    public async Task<LatencyFigures> MeasureAsync(string regionCode, TimeSpan duration)
    {
        var body = System.IO.Path.GetTempFileName();
        var log = System.IO.Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(body, Frame(new GetRegionSummaryRequest { RegionCode = regionCode }));
            var output = await RunAsync(
            [
                "-c", "1", "-m", concurrency.ToString(CultureInfo.InvariantCulture),
                "-D", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                "-d", body, "--log-file", log,
                "-H", "content-type: application/grpc", "-H", "te: trailers",
                .. SiloUnderTest.GatewayHeaders.SelectMany(h => new[] { "-H", $"{h.Key}: {h.Value}" }),
                new Uri(address, Path).ToString(),
            ]);
            var latencies = LatencyFigures.NewHistogram();
            long notOk = 0;
            foreach (var line in await File.ReadAllLinesAsync(log))
            {
                // start time (µs since epoch) \t HTTP status \t µs until the end of the response
                var columns = line.Split('\t');
                if (columns.Length < 3)
                {
                    continue;
                }

                if (columns[1] != "200")
                {
                    notOk++;
                }

                latencies.RecordValue(LatencyFigures.Clamp(long.Parse(columns[2], CultureInfo.InvariantCulture)));
            }

            var finished = Finished().Match(output);
            var requests = Requests().Match(output);
            if (!finished.Success || !requests.Success || latencies.TotalCount == 0)
            {
                throw new InvalidOperationException($"h2load's output was not understood:\n{output}");
            }

            var seconds = double.Parse(finished.Groups["seconds"].Value, CultureInfo.InvariantCulture);
            var errors = notOk + long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture)
                + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture);
            return LatencyFigures.Of("h2load", regionCode, latencies, errors, TimeSpan.FromSeconds(seconds));
        }
        finally
        {
            File.Delete(body);
            File.Delete(log);
        }
    }

    // A gRPC message on the wire: a compressed flag (0) and a 4-byte big-endian length before the protobuf bytes.
    private static byte[] Frame(IMessage message)
    {
        var frame = new byte[5 + message.CalculateSize()];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)(frame.Length - 5));
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }

    private static async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("h2load", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"h2load exited with code {process.ExitCode}:\n{await output}{await error}");
    }

    // "finished in 15.00s, 12345.67 req/s, 1.23MB/s"
    [GeneratedRegex(@"finished in (?<seconds>[0-9.]+)s,")]
    private static partial Regex Finished();

    // "requests: 185175 total, 185191 started, 185175 done, 185175 succeeded, 0 failed, 0 errored, 0 timeout"
    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, \d+ succeeded, (?<failed>\d+) failed, (?<errored>\d+) errored")]
    private static partial Regex Requests();
}
