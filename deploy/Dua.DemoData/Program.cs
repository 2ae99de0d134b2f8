using Dua.DemoData;
using Grpc.Net.Client;

// Usage: Dua.DemoData [gateway URL, default http://127.0.0.1:5000]
var address = args.Length > 0 ? args[0] : "http://127.0.0.1:5000";
using var channel = GrpcChannel.ForAddress(address);
await DemoDataSet.LoadAsync(channel, Console.Out);
