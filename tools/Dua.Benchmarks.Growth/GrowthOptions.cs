using System.Globalization;

namespace Dua.Benchmarks.Growth;

/// <summary>The command line: the sizes to measure at, and how long and how hard to read at each.</summary>
public sealed record GrowthOptions
{
    public const string Usage = """
        Usage: Dua.Benchmarks.Growth [options]

          --sizes N,N,...         participants loaded at each measurement, ascending (default 10000,1000000);
                                  the first is the baseline of the ratios
          --duration SECONDS      timed reading per county and client (default 15)
          --warmup SECONDS        untimed reading before each timed one (default 5): the silo's and the
                                  client's code must be fully compiled before the first size is timed
          --concurrency N         GetRegionSummary calls in flight (default 16)
          --feed-concurrency N    fact-feeding grain calls in flight (default 512)
          --settle SECONDS        pause after feeding, before resident memory is first read (default 5)
          --large-region CODE     county read as the big one (default 01, Stockholm, the most participants)
          --small-region CODE     county read as the small one (default 09, Gotland, the fewest)
          --no-h2load             skip the h2load runs (they need Debian's nghttp2-client)
          --seed N                seed of the generated facts (default 1)
          --silo-env KEY=VALUE    an extra environment variable for the silo, e.g. a GC setting to compare
                                  (DOTNET_GCDynamicAdaptationMode=0); may be repeated
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 1_000_000];
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);
    public int Concurrency { get; init; } = 16;
    public int FeedConcurrency { get; init; } = 512;
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);
    public string LargeRegion { get; init; } = "01";
    public string SmallRegion { get; init; } = "09";
    public bool H2load { get; init; } = true;
    public int Seed { get; init; } = 1;
    public IReadOnlyDictionary<string, string> SiloEnvironment { get; init; } = new Dictionary<string, string>();

    /// <exception cref="ArgumentException">The command line is not valid; the message says why.</exception>
    public static GrowthOptions Parse(IReadOnlyList<string> args)
    {
        var options = new GrowthOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            string Value() => inline ?? (++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value"));
            options = name switch
            {
                "--sizes" => options with { Sizes = ParseSizes(Value()) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(name, Value())) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--concurrency" => options with { Concurrency = Positive(name, Value()) },
                "--feed-concurrency" => options with { FeedConcurrency = Positive(name, Value()) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--large-region" => options with { LargeRegion = RegionCode(name, Value()) },
                "--small-region" => options with { SmallRegion = RegionCode(name, Value()) },
                "--no-h2load" => options with { H2load = false },
                "--seed" => options with { Seed = NonNegative(name, Value()) },
                "--silo-env" => options with { SiloEnvironment = WithSetting(options.SiloEnvironment, Value()) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options.LargeRegion == options.SmallRegion
            ? throw new ArgumentException("--large-region and --small-region must differ")
            : options;
    }

    private static int[] ParseSizes(string value)
    {
        var sizes = value.Split(',').Select(s => NonNegative("--sizes", s.Trim())).ToArray();
        for (var i = 1; i < sizes.Length; i++)
        {
            if (sizes[i] <= sizes[i - 1])
            {
                throw new ArgumentException("--sizes must be ascending: participants are only ever added");
            }
        }

        return sizes.Length > 0 ? sizes : throw new ArgumentException("--sizes needs at least one size");
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string value) =>
        value.Split('=', 2) is [var key, var setting] && key.Length > 0
            ? new Dictionary<string, string>(settings) { [key] = setting }
            : throw new ArgumentException($"--silo-env takes KEY=VALUE, not '{value}'");

    private static int Positive(string name, string value) =>
        NonNegative(name, value) is var n && n > 0 ? n : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} takes a whole number, not '{value}'");

    private static string RegionCode(string name, string value) =>
        Dua.ReferenceData.Geography.Sweden.FindCounty(value) is not null
            ? value
            : throw new ArgumentException($"{name} takes an SCB county code (two digits, e.g. 21), not '{value}'");
}
