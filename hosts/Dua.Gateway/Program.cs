using Dua.Gateway.Authentication;
using Dua.Gateway.Caching;
using Dua.Gateway.Discovery;
using Dua.Gateway.Hosting;
using Dua.Gateway.Limits;
using Dua.Gateway.Proxy;
using Dua.Gateway.RateLimiting;
using Dua.Gateway.Telemetry;
using Dua.ServiceDefaults;

return await HostProcess.RunAsync("gateway", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults();
    builder.AddGatewayOptions();
    builder.AddGatewayGrpcEndpoint();
    builder.AddGatewayAuthentication();
    builder.AddGatewayRateLimit();
    builder.AddGatewayLimits();
    builder.AddSiloDirectory();
    builder.AddGatewayProxy();
    builder.AddGatewayResponseCache();
    builder.AddGatewayTelemetry();

    var app = builder.Build();
    app.UseGatewayCallStatus();
    app.UseGatewayCallerGate();
    app.UseGatewayRateLimit();
    app.UseGatewayResponseCache();
    app.UseGatewayLimits();
    app.UseRouting();
    app.MapDefaultEndpoints();
    app.MapGatewayProxy();
    return app;
});
