using Dua.Migrations;
using Dua.ServiceDefaults;

// Dua.Migrations [connection-string]   (else the environment variable ConnectionStrings__Dua)
var connectionString = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("ConnectionStrings__Dua");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("usage: Dua.Migrations <connection-string>  (or set ConnectionStrings__Dua)");
    return ExitCodes.InvalidConfiguration;
}

try
{
    var applied = await DuaSchema.ApplyAsync(connectionString);
    Console.WriteLine(applied.Count == 0
        ? "Dua.Migrations: schema is up to date."
        : $"Dua.Migrations: applied {string.Join(", ", applied)}.");
    return ExitCodes.Success;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Dua.Migrations: schema upgrade failed: {e.Message}");
    return ExitCodes.Failure;
}
