using Dua.DevTokens;

// Development tokens for the local platform: see DevTokensCommand for the command line.
var parsed = DevTokensCommand.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync($"Dua.DevTokens: {error.Message}");
    }

    return DevTokensCommand.UsageError;
}

return await parsed.InvokeAsync();
