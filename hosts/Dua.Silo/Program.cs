using Dua.ServiceDefaults;
using Dua.Silo.Api;
using Dua.Silo.Audit;
using Dua.Silo.Hosting;
using Dua.Silo.Security;
using Dua.Silo.Telemetry;

return await HostProcess.RunAsync("silo", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults();
    var options = builder.AddSiloHostOptions();
    builder.RequirePorts(_ => options.RequiredPorts());
    builder.ConfigureSiloEndpoints(options);
    builder.AddOrleansSilo(options);
    builder.AddSiloSecurity();
    builder.AddSiloGrpc();
    builder.AddAuditTrail(options);
    builder.AddSiloStatistics();
    builder.AddParticipantPseudonyms();
    builder.AddSiloLifecycle(options);
    builder.AddSiloTelemetry();

    var app = builder.Build();
    app.UseServedByHeader();
    app.UseMiddleware<RequestMessageGuard>();
    app.MapDefaultEndpoints();
    app.MapSiloGrpc();
    return app;
});
