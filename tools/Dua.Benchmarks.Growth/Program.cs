using System.Globalization;
using Dua.Benchmarks.Growth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Shows whether GetRegionSummary gets slower, and how much memory the silo takes, as the counties' live
// aggregates grow (by default from 10,000 to 1,000,000 participants). Starts the real silo program with
// in-memory storage, feeds the aggregates directly through IRegionStatisticsGrain with an Orleans client (far
// faster than enrolling through the API), and at each size reads a big and a small county's summary over gRPC
// and takes the silo's memory. Exit codes: 0 done, 1 the run failed, 2 usage.
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(GrowthOptions.Usage);
    return 0;
}

GrowthOptions options;
try
{
    options = GrowthOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"Dua.Benchmarks.Growth: {e.Message}\n\n{GrowthOptions.Usage}");
    return 2;
}

var h2load = options.H2load && H2loadSummaryReader.IsInstalled();
if (options.H2load && !h2load)
{
    Console.WriteLine("h2load is not installed (apt-get install -y nghttp2-client): only the .NET client reads.");
}

using var silo = SiloUnderTest.Start(options.SiloEnvironment);
try
{
    Console.WriteLine($"Silo pid {silo.ProcessId}: gRPC {silo.GrpcAddress}, Orleans client port {silo.OrleansClientPort}");
    foreach (var (key, value) in options.SiloEnvironment)
    {
        Console.WriteLine($"Silo environment: {key}={value}");
    }

    await silo.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));

    var clientBuilder = Host.CreateApplicationBuilder();
    clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
    clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(silo.OrleansClientPort, SiloUnderTest.ServiceId, SiloUnderTest.ClusterId));
    using var clientHost = clientBuilder.Build();
    await clientHost.StartAsync();

    var feeder = new AggregateFeeder(clientHost.Services.GetRequiredService<IClusterClient>(), options.FeedConcurrency);
    var agreements = new BenchmarkAgreements(options.Seed);
    await feeder.FeedAgreementsAsync(agreements.All);
    Console.WriteLine($"Agreements fed: {agreements.All.Count()}");

    using var grpc = new GrpcSummaryReader(silo.GrpcAddress, options.Concurrency);
    var h2loadReader = new H2loadSummaryReader(silo.GrpcAddress, options.Concurrency);
    var memory = new SiloMemoryProbe(silo);
    var participants = new ParticipantStream(agreements, options.Seed);
    var regions = new[] { options.LargeRegion, options.SmallRegion };
    // The first size must not be timed on code still being compiled: read every county once, then the two
    // read counties for a while, untimed.
    Console.WriteLine("Warming up the read path");
    await CountedAsync(feeder);
    foreach (var region in regions)
    {
        await grpc.WarmUpAsync(region, 2 * options.Warmup);
        if (h2load)
        {
            await h2loadReader.MeasureAsync(region, TimeSpan.FromSeconds(Math.Max(1, options.Warmup.TotalSeconds)));
        }
    }

    var steps = new List<StepResult>();
    foreach (var size in options.Sizes)
    {
        var adding = size - (int)participants.Count;
        Console.WriteLine($"Feeding {adding:N0} participants (to {size:N0}), {options.FeedConcurrency} calls in flight");
        var feedTime = await feeder.FeedParticipantsAsync(participants, adding);
        Console.WriteLine(Invariant($"  done in {feedTime.TotalSeconds:F1} s"));

        var counted = await CountedAsync(feeder);
        if (counted.Values.Sum() != size)
        {
            throw new InvalidOperationException($"The aggregates hold {counted.Values.Sum():N0} participants, not {size:N0}.");
        }

        var settled = await memory.ResidentAfterAsync(options.Settle);

        // The summary the silo serves must show what was fed before its speed means anything (its copy is
        // refreshed within a second).
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var region in regions)
        {
            var served = (await grpc.GetAsync(region)).Summary.Participants.Enrolled.Value;
            if (served != counted[region])
            {
                throw new InvalidOperationException($"County {region}'s summary shows {served:N0} participants, its aggregates {counted[region]:N0}.");
            }
        }

        var loadAverage = LoadAverage();
        await using var gcMonitor = await GcPauseMonitor.StartAsync(silo.ProcessId);
        var latencies = new List<LatencyFigures>();
        foreach (var region in regions)
        {
            Console.WriteLine($"Reading county {region} ({counted[region]:N0} participants): grpc-dotnet, {options.Concurrency} in flight, {options.Duration.TotalSeconds:F0} s");
            await grpc.WarmUpAsync(region, options.Warmup);
            gcMonitor.NextWindow();
            latencies.Add(await grpc.MeasureAsync(region, options.Duration) with { Gc = gcMonitor.NextWindow() });
        }

        // The large county's 24-month trend, from the same per-silo copy.
        Console.WriteLine($"Reading county {options.LargeRegion}'s 24-month trend: grpc-dotnet, {options.Concurrency} in flight, {options.Duration.TotalSeconds:F0} s");
        await grpc.WarmUpAsync(options.LargeRegion, options.Warmup, trend: true);
        gcMonitor.NextWindow();
        latencies.Add(await grpc.MeasureAsync(options.LargeRegion, options.Duration, trend: true) with { Gc = gcMonitor.NextWindow() });

        if (h2load)
        {
            foreach (var region in regions)
            {
                Console.WriteLine($"Reading county {region}: h2load, {options.Concurrency} in flight, {options.Duration.TotalSeconds:F0} s");
                gcMonitor.NextWindow();
                latencies.Add(await h2loadReader.MeasureAsync(region, options.Duration) with { Gc = gcMonitor.NextWindow() });
            }
        }

        var gcPauses = await gcMonitor.StopAsync();

        // Last, so that the reads ran on the heap as the feeding left it, not on a freshly compacted one.
        Console.WriteLine("Memory: a full GC induced in the silo");
        var (afterGc, heap) = await memory.AfterFullGcAsync();
        steps.Add(new StepResult(
            size, counted.Values.Sum(), regions.ToDictionary(r => r, r => counted[r]), adding / feedTime.TotalSeconds,
            new MemoryFigures(settled, afterGc, heap), latencies, gcPauses, loadAverage));
    }

    Console.WriteLine();
    ResultTable.Write(Console.Out, steps);
    await clientHost.StopAsync();
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or OrleansException or Grpc.Core.RpcException)
{
    await Console.Error.WriteLineAsync($"FAILED: {e.Message}\n{silo.Tail()}");
    return 1;
}

static async Task<Dictionary<string, long>> CountedAsync(AggregateFeeder feeder)
{
    var counties = Dua.ReferenceData.Geography.Sweden.Counties;
    var statistics = await Task.WhenAll(counties.Select(c => feeder.StatisticsAsync(c.Code)));
    return statistics.ToDictionary(s => s.CountyCode, s => s.County.Participants.Enrolled, StringComparer.Ordinal);
}

static double LoadAverage() =>
    double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
