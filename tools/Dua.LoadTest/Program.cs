using Dua.LoadTest.CommandLine;

// The Dua platform's load generator: see LoadTestCommand for the command line, LoadTestRun for a run.
var parsed = LoadTestCommand.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync($"Dua.LoadTest: {error.Message}");
    }

    await Console.Error.WriteLineAsync("Dua.LoadTest --help shows the options.");
    return 2;
}

return await parsed.InvokeAsync();
