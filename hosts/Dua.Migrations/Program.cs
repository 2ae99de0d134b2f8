using Dua.Migrations;

// Dua.Migrations [connection-string]   (else the environment variable ConnectionStrings__Dua)
// Exit codes as the hosts' (Dua.ServiceDefaults.ExitCodes, not referenced: this tool needs no web framework):
// 0 done, 1 failure, 2 no connection string.
var connectionString = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("ConnectionStrings__Dua");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("usage: Dua.Migrations <connection-string>  (or set ConnectionStrings__Dua)");
    return 2;
}

try
{
    var applied = await DuaSchema.ApplyAsync(connectionString);
    Console.WriteLine(applied.Count == 0
        ? "Dua.Migrations: schema is up to date."
        : $"Dua.Migrations: applied {string.Join(", ", applied)}.");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Dua.Migrations: schema upgrade failed: {e.Message}");
    return 1;
}
