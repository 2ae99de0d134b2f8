using System.Globalization;

namespace Dua.Benchmarks.Placement;

/// <summary>The command line: how big the workload is and how often each placement runs it.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: Dua.Benchmarks.Placement [options]

          --agreements-per-county N   signed YOUTH agreements per county, each in its own municipality (default 3;
                                      Gotland has one municipality, so it gets one)
          --participants N            participants per agreement, each taken through every module to an exit (default 10)
          --rounds N                  how many times each placement runs the workload, alternating (default 1)
          --concurrency N             agreements worked on at once (default 8)
          --seed N                    seed of the ids, the same for both placements (default 4)
          --entry round-robin|county  the silo each request enters at: the next in turn, as the gateway does
                                      today (default), or the owner of the request's county on the region ring,
                                      as a county-aware gateway would
        """;

    public int AgreementsPerCounty { get; init; } = 3;
    public int Participants { get; init; } = 10;
    public int Rounds { get; init; } = 1;
    public int Concurrency { get; init; } = 8;
    public int Seed { get; init; } = 4;
    public EntryRouting Entry { get; init; } = EntryRouting.RoundRobin;

    /// <exception cref="ArgumentException">The command line is not valid; the message says why.</exception>
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            string Value() => inline ?? (++i < args.Count ? args[i] : throw new ArgumentException($"{name} needs a value"));
            options = name switch
            {
                "--agreements-per-county" => options with { AgreementsPerCounty = Positive(name, Value()) },
                "--participants" => options with { Participants = Positive(name, Value()) },
                "--rounds" => options with { Rounds = Positive(name, Value()) },
                "--concurrency" => options with { Concurrency = Positive(name, Value()) },
                "--seed" => options with { Seed = Positive(name, Value()) },
                "--entry" => options with { Entry = Value() switch
                {
                    "round-robin" => EntryRouting.RoundRobin,
                    "county" => EntryRouting.County,
                    var other => throw new ArgumentException($"--entry is round-robin or county, not '{other}'"),
                } },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
