using Dua.DemoData;

// Usage: DUA_TOKEN=<agency token covering the demo's municipalities> Dua.DemoData [gateway URL, default http://127.0.0.1:5000]
// deploy/run.sh --demo passes an agency token for the whole country (deploy/token.sh agency).
var address = args.Length > 0 ? args[0] : "http://127.0.0.1:5000";
var token = Environment.GetEnvironmentVariable("DUA_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    await Console.Error.WriteLineAsync("Dua.DemoData: set DUA_TOKEN to an agency token, e.g. DUA_TOKEN=$(deploy/token.sh agency)");
    return 2;
}

using var channel = BearerChannel.ForAddress(address, token.Trim());
await DemoDataSet.LoadAsync(channel, Console.Out);
return 0;
