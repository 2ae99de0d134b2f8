using Dua.ServiceDefaults;
using Dua.Web.Components;
using Dua.Web.Hosting;
using Dua.Web.Platform;
using Dua.Web.SignIn;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// deploy/run.sh runs the build output, not a publish: serve the framework's and MudBlazor's files from where the
// build's manifest says they are (a published app has its own copies and no manifest, and is unaffected).
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.AddWebHosting();
builder.AddPersonSignIn();
builder.AddPlatformClient();
builder.Services.AddMudServices();
// A page hands its first render's figures to the live page through the circuit's start message: a county with
// its municipalities, or the country with its 21 counties, is larger than SignalR's default 32 KB.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);

var app = builder.Build();

// Never a stack trace in the browser: failures render the Swedish error page, unknown addresses the not-found page.
app.UseExceptionHandler("/fel", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/hittades-inte");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapGet("/healthz", () => Results.Text("ok"));
app.MapProbesAndMetrics();
app.MapPersonSignIn();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

return await app.RunWebAsync();
