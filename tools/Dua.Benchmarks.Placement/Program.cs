using System.Diagnostics;
using System.Globalization;
using Dua.Benchmarks.Placement;
using Dua.Grains.Placement;
using Dua.ReferenceData;

// Counts the messages that cross silos for one fixed workload on a 3-silo cluster, once with region-affinity
// placement and once with Orleans' default placement (ResourceOptimizedPlacement in Orleans 10), and prints both.
// The silos run in this process over loopback TCP with memory storage: the claim is about messages, not storage.
// Exit codes: 0 done, 1 the workload failed or read back wrong, 2 usage.
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"Dua.Benchmarks.Placement: {e.Message}\n\n{BenchmarkOptions.Usage}");
    return 2;
}

var workload = new PlacementWorkload(options);
var participants = workload.Plan.Count * options.Participants;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Workload: {workload.Plan.Count} agreements in {workload.Plan.Select(a => a.RegionCode).Distinct().Count()} counties, {participants:N0} participants through every module, {workload.EntryCalls:N0} entry calls ({options.Entry}); {PlacementCluster.SiloCount} silos"));

var idleWindow = TimeSpan.FromSeconds(3);
var runs = new List<RunResult>();
try
{
    for (var round = 1; round <= options.Rounds; round++)
    {
        // Alternate which placement goes first, so drift on a shared machine falls on both.
        PlacementChoice[] order = round % 2 == 1 ? [PlacementChoice.Region, PlacementChoice.Default] : [PlacementChoice.Default, PlacementChoice.Region];
        foreach (var placement in order)
        {
            await using var cluster = await PlacementCluster.StartAsync(placement);
            await cluster.SeedGeographyAsync();
            using var counter = new SiloMessageCounter(cluster.MeterFactories);

            await Task.Delay(TimeSpan.FromSeconds(1));
            var idleStart = counter.Read();
            await Task.Delay(idleWindow);
            var idle = counter.Read() - idleStart;

            GrainCallTally.Reset();
            var before = counter.Read();
            var clock = Stopwatch.StartNew();
            await workload.RunAsync(cluster);
            clock.Stop();
            var measured = counter.Read() - before;

            var result = new RunResult(placement, round, measured, GrainCallTally.Read(), GrainCallTally.ReadWithinCounty(), idle, idleWindow, clock.Elapsed);
            runs.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round} {placement,-7}: {measured.CrossSilo,8:N0} cross-silo, {measured.Local,8:N0} local messages in {clock.Elapsed.TotalSeconds:F1} s{CountiesPerSilo(cluster)}"));
        }
    }
}
catch (Exception e) when (e is InvalidOperationException or OrleansException or TimeoutException)
{
    await Console.Error.WriteLineAsync($"FAILED: {e.GetType().Name}: {e.Message}");
    return 1;
}

Console.WriteLine();
ResultTable.Write(Console.Out, runs, workload.EntryCalls);
return 0;

static string CountiesPerSilo(PlacementCluster cluster)
{
    if (cluster.Placement != PlacementChoice.Region)
    {
        return "";
    }

    var ring = new RegionRing(cluster.Silos);
    var owners = Geography.Sweden.Counties.Select(c => ring.OwnerOf(c.Code)).ToArray();
    return $" (counties per silo: {string.Join("/", cluster.Silos.Select(s => owners.Count(o => o.Equals(s))))})";
}
