using Dua.DevIdentity.Hosting;
using Dua.ServiceDefaults;

return await HostProcess.RunAsync("identity provider", () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults();
    builder.AddDevIdentityOptions();
    builder.AddDevIdentityServer();

    var app = builder.Build();
    app.UseDevIdentity();
    app.MapDefaultEndpoints();
    return app;
});
