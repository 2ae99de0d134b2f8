using System.Globalization;

namespace Dua.Benchmarks.Participants;

/// <summary>The command line: where the platform is, how big the two agreements are and how hard to push.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: Dua.Benchmarks.Participants [options] [address]

          --address URL              the platform's gRPC endpoint (default http://127.0.0.1:5000, the gateway;
                                     http://127.0.0.1:5101 goes straight to silo 0)
          --participants-small N     participants enrolled in the small agreement (default 10)
          --participants-large N     participants enrolled in the large agreement (default 10000)
          --events N                 measured RecordProgress events per agreement (default 2000)
          --concurrency N            calls in flight (default 32); the measured phase is capped at
                                     --participants-small, since one participant's steps are sequential
          --municipality-small CODE  municipality of the small agreement (default 2180, Gävle)
          --municipality-large CODE  municipality of the large agreement (default 2181, Sandviken)
        """;

    public Uri Address { get; init; } = new("http://127.0.0.1:5000");
    public int ParticipantsSmall { get; init; } = 10;
    public int ParticipantsLarge { get; init; } = 10_000;
    public int Events { get; init; } = 2_000;
    public int Concurrency { get; init; } = 32;

    // Not 2184: the demo data's Hudiksvall agreement lives there, and signing a newcomer agreement for a
    // municipality supersedes the one in force.
    public string MunicipalitySmall { get; init; } = "2180";
    public string MunicipalityLarge { get; init; } = "2181";

    /// <summary>Calls in flight while measuring: no more than the small agreement has participants.</summary>
    public int MeasuredConcurrency => Math.Min(Concurrency, ParticipantsSmall);

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
                "--address" => options with { Address = ParseAddress(Value()) },
                "--participants-small" => options with { ParticipantsSmall = Positive(name, Value()) },
                "--participants-large" => options with { ParticipantsLarge = Positive(name, Value()) },
                "--events" => options with { Events = Positive(name, Value()) },
                "--concurrency" => options with { Concurrency = Positive(name, Value()) },
                "--municipality-small" => options with { MunicipalitySmall = MunicipalityCode(name, Value()) },
                "--municipality-large" => options with { MunicipalityLarge = MunicipalityCode(name, Value()) },
                _ when !name.StartsWith('-') => options with { Address = ParseAddress(name) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        // Two newcomer agreements for one municipality: signing the second would supersede the first.
        return options.MunicipalitySmall == options.MunicipalityLarge
            ? throw new ArgumentException("the two agreements need two different municipalities")
            : options;
    }

    private static Uri ParseAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"'{value}' is not an http(s) address");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'");

    private static string MunicipalityCode(string name, string value) =>
        value.Length == 4 && value.All(char.IsAsciiDigit) ? value : throw new ArgumentException($"{name} takes a four-digit SCB code");
}
