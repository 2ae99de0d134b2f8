using Dua.Silo.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    var options = builder.AddSiloHostOptions();
    PortGuard.EnsureFree(options);
    builder.ConfigureSiloEndpoints(options);
    builder.AddOrleansSilo(options);
    builder.AddGrpcApi(options);

    var app = builder.Build();
    app.MapGrpcApi();
    app.Run();
    return 0;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"dua-silo: invalid configuration: {string.Join(" ", e.Failures)}");
    return 2;
}
catch (PortInUseException e)
{
    Console.Error.WriteLine($"dua-silo: {e.Message}");
    return PortInUseException.ExitCode;
}
