namespace Dua.Benchmarks.Web;

/// <summary>What to measure, from "--name value" arguments; the agency token for the writes from DUA_TOKEN.</summary>
public sealed record WebBenchmarkOptions(
    string WebAddress, string GatewayAddress, string Person, string County, int Renders, int Writes, string ChromiumPath, string AgencyToken)
{
    public static WebBenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        var token = Environment.GetEnvironmentVariable("DUA_TOKEN")
            ?? throw new ArgumentException("DUA_TOKEN must hold an agency token for the county (deploy/token.sh agency SE): the writes enrol participants.");
        return new WebBenchmarkOptions(
            Get("--web", "http://127.0.0.1:5080"),
            Get("--gateway", "http://127.0.0.1:5000"),
            Get("--person", "Arbetsförmedlingen, hela landet"),
            Get("--county", "21"),
            int.Parse(Get("--renders", "50"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("--writes", "30"), System.Globalization.CultureInfo.InvariantCulture),
            Get("--chromium", "/usr/bin/chromium"),
            token);
    }
}
