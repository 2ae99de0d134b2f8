using System.CommandLine;
using System.CommandLine.Parsing;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Planning;

namespace Dua.LoadTest.CommandLine;

/// <summary>The command line: a run (the default), <c>plan</c> and <c>encode</c>.</summary>
public static class LoadTestCommand
{
    public static RootCommand Create()
    {
        var target = new Option<Uri>("--target")
        {
            Description = "The platform's gRPC endpoint: the gateway, or a silo to measure without it",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:5000"),
            CustomParser = r => Parsed(r, OptionParsers.Target),
        };
        var phases = new Option<Phase[]>("--phases")
        {
            Description = "Phases to run, in order, comma-separated: seed, progress, read",
            HelpName = "seed,progress,read",
            DefaultValueFactory = _ => [Phase.Seed, Phase.Progress, Phase.Read],
            CustomParser = r => Parsed(r, OptionParsers.Phases),
        };
        var participants = Participants();
        var concurrency = Positive("--concurrency", "Calls in flight", 64);
        var connections = Positive("--connections", "HTTP/2 connections to spread the calls over", 4);
        var duration = Duration("--duration", "How long the progress and read phases each run", TimeSpan.FromSeconds(30));
        var warmup = Duration("--warmup", "Unmeasured calls before each timed phase (JIT, connections)", TimeSpan.FromSeconds(2));
        var timeout = Duration("--timeout", "Deadline of each call", TimeSpan.FromSeconds(30));
        var seed = Seed();
        var asOf = AsOf();
        var reportDir = new Option<string>("--report-dir")
        {
            Description = "Folder for report.md and report.json",
            DefaultValueFactory = _ => Path.Combine(".run", "loadtest"),
        };
        var readMethod = new Option<ReadMethod>("--read-method")
        {
            Description = "What the read phase calls: region-summary (GetRegionSummary), region-trend (GetRegionTrend, the 24 months " +
                "before the data set's date), health (grpc.health.v1 Check, the ceiling), " +
                "agreement (GetAgreement) or participant (GetParticipant), the last two over every id of the data set",
            HelpName = "region-summary|region-trend|health|agreement|participant",
            DefaultValueFactory = _ => ReadMethod.RegionSummary,
            CustomParser = r => Parsed(r, OptionParsers.ReadMethodOf) ?? ReadMethod.RegionSummary,
        };
        var region = new Option<string?>("--region")
        {
            Description = "Read one county only (a hot spot), e.g. 21; default all 21 counties in turn",
            CustomParser = r => Parsed(r, OptionParsers.RegionCode),
        };

        var token = new Option<string?>("--token")
        {
            Description = $"The bearer token every call sends (the gateway requires one); default the environment variable {TokenVariable}, " +
                "e.g. DUA_TOKEN=$(deploy/token.sh agency)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null,
        };
        var tokenCommand = new Option<string?>("--token-command")
        {
            Description = "A command that prints a token, run at the start and again every 15 minutes, so a run longer than a token's " +
                "lifetime keeps going, e.g. 'deploy/token.sh agency SE'; instead of --token",
        };
        var siloCredential = new Option<string?>("--silo-credential")
        {
            Description = $"To call a silo straight (--target a silo's port): the internal credential (Silo:GatewayCredential; in deploy/run.sh's " +
                $".run/keys/silo-credential); calls then carry it and an agency caller for the whole country, as the gateway would. Default the environment variable {SiloCredentialVariable}",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SiloCredentialVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment.Trim() : null,
        };
        var watch = new Option<WatchedProcess[]>("--watch")
        {
            Description = "A server process as NAME=PID (repeatable): the CPU it spends in each measured phase is reported, per call",
            HelpName = "NAME=PID",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
            CustomParser = r => [.. r.Tokens.Select(t => Parsed(t.Value, r, OptionParsers.WatchedProcessOf)).OfType<WatchedProcess>()],
        };

        var root = new RootCommand(
            "Builds a national data set through the Dua platform's public gRPC API (seed), then drives a write " +
            "workload (progress: RecordProgress events) and a read workload (read: GetRegionSummary), and reports " +
            "throughput, latency percentiles, errors by status code and which silo served the calls.")
        {
            target, phases, participants, concurrency, connections, duration, warmup, timeout, seed, asOf, reportDir, readMethod, region, token, tokenCommand, siloCredential, watch,
        };
        root.SetAction(async (result, cancellation) =>
        {
            var options = new RunOptions(
                result.GetValue(target)!, result.GetValue(phases)!, result.GetValue(participants), result.GetValue(concurrency),
                result.GetValue(connections), result.GetValue(duration), result.GetValue(warmup), result.GetValue(seed),
                result.GetValue(asOf) ?? OptionParsers.DefaultAsOf(), result.GetValue(reportDir)!, result.GetValue(readMethod),
                result.GetValue(region), result.GetValue(timeout), result.GetValue(token), result.GetValue(siloCredential), result.GetValue(watch),
                result.GetValue(tokenCommand));
            return await LoadTestRun.RunAsync(options, ShownCommandLine(result.Tokens.Select(t => t.Value)), cancellation);
        });

        root.Subcommands.Add(PlanCommand());
        root.Subcommands.Add(EncodeCommand());
        return root;
    }

    /// <summary>The environment variable the token comes from when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "DUA_TOKEN";

    /// <summary>The environment variable the silo credential comes from when <c>--silo-credential</c> is not given.</summary>
    public const string SiloCredentialVariable = "DUA_SILO_CREDENTIAL";

    /// <summary>The command line as the report shows it: the token is a credential, so it is left out.</summary>
    public static string ShownCommandLine(IEnumerable<string> arguments)
    {
        var shown = new List<string> { "Dua.LoadTest" };
        var hideNext = false;
        foreach (var argument in arguments)
        {
            shown.Add(hideNext ? "***"
                : argument.StartsWith("--token=", StringComparison.Ordinal) ? "--token=***"
                : argument.StartsWith("--silo-credential=", StringComparison.Ordinal) ? "--silo-credential=***"
                : argument);
            hideNext = argument is "--token" or "--silo-credential";
        }

        return string.Join(' ', shown);
    }

    private static Command PlanCommand()
    {
        var participants = Participants();
        var seed = Seed();
        var asOf = AsOf();
        var command = new Command("plan", "Prints what a seed would build (agreements, job tracks, participants by county and state) without calling anything")
        {
            participants, seed, asOf,
        };
        command.SetAction(result =>
        {
            var plan = new DataSetPlan(result.GetValue(seed), result.GetValue(asOf) ?? OptionParsers.DefaultAsOf());
            Console.Out.Write(PlanSummary.Render(plan, result.GetValue(participants)));
            return 0;
        });
        return command;
    }

    private static Command EncodeCommand()
    {
        var method = new Option<string>("--method")
        {
            Description = "region-summary (dua.v1.StatisticsService/GetRegionSummary) or health (grpc.health.v1.Health/Check)",
            DefaultValueFactory = _ => "region-summary",
        };
        method.AcceptOnlyFromAmong("region-summary", "health");
        var region = new Option<string>("--region")
        {
            Description = "County code of the GetRegionSummary request",
            DefaultValueFactory = _ => "21",
            CustomParser = r => Parsed(r, OptionParsers.RegionCode),
        };
        var service = new Option<string>("--service") { Description = "Service name of the health check; empty for the whole server", DefaultValueFactory = _ => "" };
        var output = new Option<string>("--out") { Description = "File to write the request body to", Required = true };
        var command = new Command("encode", "Writes a pre-encoded gRPC request body (5-byte frame prefix + protobuf) for h2load")
        {
            method, region, service, output,
        };
        command.SetAction(result =>
        {
            var (path, message) = result.GetValue(method) == "health"
                ? Encoding.EncodedRequest.HealthCheck(result.GetValue(service) ?? "")
                : Encoding.EncodedRequest.RegionSummary(result.GetValue(region)!);
            var file = result.GetValue(output)!;
            var body = Encoding.GrpcFrame.Encode(message);
            File.WriteAllBytes(file, body);
            Console.Out.WriteLine($"Wrote {body.Length} bytes to {file}: the body of {path}. For example:");
            Console.Out.WriteLine($"  h2load -n 200000 -c 4 -m 32 -d {file} -H 'content-type: application/grpc' -H 'te: trailers' http://127.0.0.1:5000{path}");
            return 0;
        });
        return command;
    }

    private static Option<long> Participants()
    {
        var option = new Option<long>("--participants")
        {
            Description = $"Participants in the data set, e.g. 10000, 100000 or 1000000 (at most {ProcessModel.MaxParticipants:N0})",
            DefaultValueFactory = _ => 10_000,
        };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<long>();
            if (value < 1 || value > ProcessModel.MaxParticipants)
            {
                r.AddError($"--participants takes 1 to {ProcessModel.MaxParticipants:N0}");
            }
        });
        return option;
    }

    private static Option<long> Seed() => new("--seed")
    {
        Description = "Names the data set: the same seed (and as-of date) plans the same data with the same request ids",
        DefaultValueFactory = _ => 1,
    };

    private static Option<DateOnly?> AsOf() => new("--as-of")
    {
        Description = "The day the data set describes (every planned date lies before it); default the first day of this month",
        CustomParser = r => Parsed(r, OptionParsers.Date),
    };

    private static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"{name} takes a positive whole number");
            }
        });
        return option;
    }

    private static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => Parsed(r, (string text, out string? error) => OptionParsers.Duration(text, out error)) ?? defaultValue,
    };

    private delegate T? TryParse<T>(string text, out string? error);

    private static T? Parsed<T>(ArgumentResult result, TryParse<T> parse) => Parsed(result.Tokens[0].Value, result, parse);

    private static T? Parsed<T>(string text, ArgumentResult result, TryParse<T> parse)
    {
        var value = parse(text, out var error);
        if (error is not null)
        {
            result.AddError(error);
        }

        return value;
    }
}
