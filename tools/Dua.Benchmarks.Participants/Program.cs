using System.Diagnostics;
using System.Globalization;
using Dua.Benchmarks.Participants;
using Dua.Contracts.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

// Shows that recording a step for one participant costs the same whether its agreement has a few participants
// or many: two NEWCOMERS agreements, one small and one large, the same RecordProgress workload on both, the
// same concurrency, interleaved. Runs against a running platform; every write it makes is acknowledged by the
// platform only once stored in PostgreSQL. Exit codes: 0 done, 1 a call failed, 2 usage.
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
    await Console.Error.WriteLineAsync($"Dua.Benchmarks.Participants: {e.Message}\n\n{BenchmarkOptions.Usage}");
    return 2;
}

// The client's date is UTC; Sweden is never behind it, so dates up to yesterday are never "in the future".
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var runId = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):x4}");
using var channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
{
    // More than 100 streams in flight would otherwise queue behind one connection's limit.
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
});
var headers = PlatformHeaders.FromEnvironment();
var invoker = channel.Intercept(new NameFailedCalls()).Intercept(metadata =>
{
    foreach (var header in headers)
    {
        metadata.Add(header);
    }

    return metadata;
});
var agreements = new AgreementService.AgreementServiceClient(invoker);
var participants = new ParticipantService.ParticipantServiceClient(invoker);
var enroller = new Enroller(participants, new PersonGenerator(today), runId, enrolledOn: today.AddDays(-30), options.Concurrency);

try
{
    Console.WriteLine($"Run {runId} against {options.Address}");
    var small = await AgreementSetup.CreateSignedAsync(agreements, runId, "small", options.MunicipalitySmall, today);
    var large = await AgreementSetup.CreateSignedAsync(agreements, runId, "large", options.MunicipalityLarge, today);
    Console.WriteLine($"Agreements signed: small {small.AgreementId} ({small.MunicipalityCode}), large {large.AgreementId} ({large.MunicipalityCode})");

    var enrolling = Stopwatch.StartNew();
    await enroller.EnrolNewAsync(small, options.ParticipantsSmall);
    await enroller.EnrolNewAsync(large, options.ParticipantsLarge);
    enrolling.Stop();
    var enrolled = small.Enrolments + large.Enrolments;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Enrolment: {enrolled:N0} participants in {enrolling.Elapsed.TotalSeconds:F1} s = {enrolled / enrolling.Elapsed.TotalSeconds:F0} enrolments/s ({options.Concurrency} in flight)"));

    Console.WriteLine($"Measuring RecordProgress: {options.Events:N0} events per agreement, {options.MeasuredConcurrency} in flight");
    await new ProgressWorkload(participants, enroller, runId, occurredOn: today.AddDays(-1), options.MeasuredConcurrency)
        .RunAsync(small, large, options.Events);

    Console.WriteLine();
    ResultTable.Write(Console.Out, small, options.ParticipantsSmall, large, options.ParticipantsLarge);
    Console.WriteLine();
    Console.WriteLine($"Participants enrolled by the end (each exit is followed by a new enrolment, untimed): small {small.Enrolments:N0}, large {large.Enrolments:N0}");
    Console.WriteLine($"Numbers redrawn because the person had an open process from an earlier run: {enroller.Redrawn}");
    return 0;
}
catch (CallFailedException e)
{
    await Console.Error.WriteLineAsync($"FAILED: {e.Method}: status {e.Status.StatusCode}: {e.Status.Detail}");
    return 1;
}
