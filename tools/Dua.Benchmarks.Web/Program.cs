using System.Diagnostics;
using System.Net;
using Dua.Benchmarks.Web;
using Dua.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;

// The web app's speed against a running platform (deploy/run.sh) holding a data set (the load generator's):
//  1. server time to first render: full GETs of the county and country pages as a signed-in person, one at a time,
//     from request to the last byte of the prerendered page (every gRPC call the page makes is inside it);
//  2. write to screen: with the county page open in Chromium, enrolments over gRPC, one at a time, from the
//     acknowledgement (the client's clock) to the changed figure in the page (the browser's clock, same machine).
//
//   DUA_TOKEN=$(deploy/token.sh agency SE) dotnet tools/Dua.Benchmarks.Web/bin/Release/net10.0/Dua.Benchmarks.Web.dll \
//     [--web http://127.0.0.1:5080] [--gateway http://127.0.0.1:5000] [--county 21] [--renders 50] [--writes 30]
var options = WebBenchmarkOptions.Parse(args);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = options.ChromiumPath,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
await using var context = await browser.NewContextAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1280, Height = 900 } });
var page = await context.NewPageAsync();
page.SetDefaultTimeout(120_000);
var countyPath = $"/lan/{options.County}";
await page.GotoAsync($"{options.WebAddress}{countyPath}");
await page.GetByRole(AriaRole.Button, new() { Name = options.Person }).ClickAsync();
await page.WaitForURLAsync($"{options.WebAddress}{countyPath}");
Console.WriteLine($"signed in as {options.Person}");

// 1. Server time to first render, with the browser's session cookie.
var cookies = new CookieContainer();
foreach (var cookie in await context.CookiesAsync())
{
    cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
}

using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false });
foreach (var path in new[] { countyPath, "/landet" })
{
    var samples = new List<double>();
    for (var i = 0; i < options.Renders + 3; i++)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"{options.WebAddress}{path}", HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("data-figure=\"inskrivna\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without the key figures");
        }

        if (i >= 3)
        {
            samples.Add(clock.Elapsed.TotalMilliseconds); // the first three warm the caches and the JIT
        }
    }

    Console.WriteLine($"server time to first render of {path}: {Percentiles.Of(samples)}");
}

// 2. Write to screen.
await page.GotoAsync($"{options.WebAddress}{countyPath}");
await page.Locator("[data-live=up]").WaitForAsync();
using var channel = GrpcChannel.ForAddress(options.GatewayAddress);
var agency = new Metadata { { "authorization", $"Bearer {options.AgencyToken}" } };
var agreements = new AgreementService.AgreementServiceClient(channel);
var agreement = (await agreements.ListAgreementsAsync(new() { RegionCode = options.County, Status = AgreementStatus.Signed, PageSize = 1 }, agency)).Agreements.First();
var participants = new ParticipantService.ParticipantServiceClient(channel);
var latencies = new List<double>();
var people = new PersonNumbers();
for (var i = 0; i < options.Writes; i++)
{
    await page.EvaluateAsync("""
        () => {
            const start = document.querySelector("[data-figure='inskrivna'] .value").textContent;
            window.duaChangedAt = null;
            window.duaObserver?.disconnect();
            window.duaObserver = new MutationObserver(() => {
                const now = document.querySelector("[data-figure='inskrivna'] .value");
                if (window.duaChangedAt === null && now && now.textContent !== start) { window.duaChangedAt = Date.now(); }
            });
            window.duaObserver.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
        }
        """);
    var young = agreement.Kind == AgreementKind.Youth;
    await participants.EnrolParticipantAsync(new EnrolParticipantRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        AgreementId = agreement.AgreementId,
        PersonalIdentityNumber = people.Next(young),
        AgeBand = young ? AgeBand._2024 : AgeBand._3039,
        TargetGroups = { young ? TargetGroup.Youth : TargetGroup.Newcomers },
        EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }, agency);
    var acknowledged = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    await page.WaitForFunctionAsync("() => window.duaChangedAt !== null", null, new() { Timeout = 10_000 });
    latencies.Add(await page.EvaluateAsync<long>("() => window.duaChangedAt") - acknowledged);
}

Console.WriteLine($"write to screen (county page, {agreement.AgreementId}): {Percentiles.Of(latencies)}");
return 0;
