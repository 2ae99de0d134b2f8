using System.Diagnostics;
using Dua.Contracts.V1;
using Dua.Testing;
using Dua.Web.Presentation;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Dua.Web.BrowserTests;

/// <summary>
/// A regional office's day in the web app, in Chromium against the real platform with the demo data: sign in at the
/// identity provider, read Gävleborg as the gateway reports it, watch an enrolment arrive live, be refused
/// Södermanland, take a table as CSV, sign out; every page checked with axe-core and photographed. The steps share
/// one platform and run in order; the last takes the gateway down and brings it back.
/// </summary>
[Collection(WebPlatformCollection.Name)]
[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]
public sealed class RegionalOfficeBrowserTests(WebPlatform platform, ITestOutputHelper output)
{
    private const string Gavleborg = "Regionkontor Gävleborg";
    private const string HudiksvallAgreement = "21-79ecd7f1acc06f2d";
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);

    [Fact, Step(1)]
    public async Task Signed_in_at_the_provider_the_county_page_shows_what_GetRegionSummary_answers()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");
        await WaitUntilLiveAsync(page);
        Assert.Equal("Gävleborgs län", await page.Locator("h1").InnerTextAsync());

        var summary = await RegionSummaryAsync();
        foreach (var figure in SummaryFigures.KeyFigures(summary.Summary))
        {
            Assert.Equal(figure.Text, (await page.Locator($"[data-figure='{figure.Key}'] .value").InnerTextAsync()).Trim());
        }

        Assert.Equal(SwedishFormat.Count(summary.Summary.MunicipalityCount), await FigureAsync(page, "kommuner"));
        var municipalities = await PageTable.ReadAsync(page, "kommuner");
        Assert.Equal(11, municipalities.Count); // the header and Gävleborg's ten municipalities
        var hudiksvall = municipalities.Single(row => row[0] == "Hudiksvall");
        Assert.Equal("Nyanlända", hudiksvall[1]);
        var dialogues = await PageTable.ReadAsync(page, "dialoger");
        Assert.Contains(dialogues, row => row[0] == "4 maj 2026" && row[1] == "Gävle");
        var months = await PageTable.ReadAsync(page, "manader");
        Assert.Contains(months, row => row[0] == "oktober 2026" && row[2] == SwedishFormat.Count(1300));

        var screenshot = await Screenshots.TakeAsync(page, "lan-21");
        Screenshots.CopyToDocs(screenshot);
        output.WriteLine($"county page: {screenshot}");

        // Hudiksvall: its newcomer agreement, signatories, goal and three job tracks; places taken withheld.
        await page.GotoAsync($"{platform.WebAddress}/kommun/2184");
        await WaitUntilInteractiveAsync(page);
        Assert.Equal("Hudiksvall", await page.Locator("h1").InnerTextAsync());
        var tracks = await PageTable.ReadAsync(page, $"jobbspar-{HudiksvallAgreement}");
        Assert.Equal(4, tracks.Count);
        Assert.All(tracks.Skip(1), row => Assert.Equal("– av 12", row[3]));
        Assert.Contains(tracks, row => row[1] == "Undersköterskor inom hemtjänst, hemsjukvård och äldreboende (5321)" || row[1].EndsWith("(5321)", StringComparison.Ordinal));
        Assert.Equal(3, (await PageTable.ReadAsync(page, $"undertecknare-{HudiksvallAgreement}")).Count);
        output.WriteLine($"municipality page: {await Screenshots.TakeAsync(page, "kommun-2184")}");
    }

    [Fact, Step(2)]
    public async Task An_enrolment_over_grpc_shows_on_the_open_county_page_within_a_second_without_a_reload()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");
        await WaitUntilLiveAsync(page);
        var before = await FigureAsync(page, "inskrivna");
        // A marker that a reload would lose, and an observer that notes when the figure changes.
        await page.EvaluateAsync("""
            () => {
                window.duaNoReload = true;
                const value = document.querySelector("[data-figure='inskrivna'] .value");
                const start = value.textContent;
                window.duaChangedAt = null;
                new MutationObserver(() => {
                    const now = document.querySelector("[data-figure='inskrivna'] .value");
                    if (window.duaChangedAt === null && now && now.textContent !== start) { window.duaChangedAt = Date.now(); }
                }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
            }
            """);

        using var channel = GrpcChannel.ForAddress(platform.GatewayAddress);
        var participants = new ParticipantService.ParticipantServiceClient(channel);
        var agency = new Metadata { { "authorization", $"Bearer {await platform.TokenAsync("agency", "2184")}" } };
        await participants.EnrolParticipantAsync(new EnrolParticipantRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            AgreementId = HudiksvallAgreement,
            PersonalIdentityNumber = TestPeople.NewPersonalIdentityNumber(),
            AgeBand = AgeBand._3039,
            TargetGroups = { TargetGroup.Newcomers },
            EnrolledOn = "2026-11-02",
        }, agency);
        var acknowledged = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await Eventually.HappensWithinAsync(TimeSpan.FromSeconds(10), "the enrolment on the page",
            async () => await page.EvaluateAsync<bool>("() => window.duaChangedAt !== null"));
        var latency = await page.EvaluateAsync<long>("() => window.duaChangedAt") - acknowledged;
        var after = await FigureAsync(page, "inskrivna");
        output.WriteLine($"enrolled {before} -> {after}, on screen {latency} ms after the acknowledged write");
        Assert.NotEqual(before, after);
        Assert.True(await page.EvaluateAsync<bool>("() => window.duaNoReload === true"), "the page was reloaded");
        Assert.True(latency < 1000, $"the change showed {latency} ms after the write was acknowledged");

        // The page now shows what the gateway answers (one person: withheld from a regional office).
        var summary = await RegionSummaryAsync();
        Assert.Equal(SwedishFormat.Count(summary.Summary.Participants.Enrolled), after);
    }

    [Fact, Step(3)]
    public async Task Sodermanland_is_refused_with_a_Swedish_message_and_unknown_codes_are_not_found()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");

        var refused = await page.GotoAsync($"{platform.WebAddress}/lan/04");
        Assert.Equal(403, refused!.Status);
        Assert.Equal("Du har inte behörighet att se Södermanlands län", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains("Din inloggning gäller Gävleborgs län.", await page.Locator("[data-problem=refused]").InnerTextAsync(), StringComparison.Ordinal);
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page).ToHaveTitleAsync("Ingen behörighet – Dua");
        output.WriteLine($"refused: {await Screenshots.TakeAsync(page, "lan-04-nekad")}");
        await AssertAccessibleAsync(page, "refused county");

        foreach (var path in new[] { "/lan/99", "/lan/abc", "/kommun/9999", "/ingen-sida" })
        {
            var missing = await page.GotoAsync($"{platform.WebAddress}{path}");
            Assert.True(missing!.Status == 404, $"{path} answered {missing.Status}");
            Assert.Equal("Sidan finns inte", (await page.Locator("h1").InnerTextAsync()).Trim());
        }

        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page).ToHaveTitleAsync("Sidan finns inte – Dua");
        output.WriteLine($"not found: {await Screenshots.TakeAsync(page, "hittades-inte")}");
        await AssertAccessibleAsync(page, "not found");
    }

    [Fact, Step(4)]
    public async Task A_downloaded_csv_holds_exactly_what_the_table_shows()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");
        await WaitUntilLiveAsync(page);

        // Sorted by name, descending, from the keyboard: the file follows the order on screen.
        var header = page.Locator("[data-table=kommuner] th button", new() { HasText = "Kommun" }).First;
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-table=kommuner] th[aria-sort=descending]")).ToHaveCountAsync(1);
        var shown = await PageTable.ReadAsync(page, "kommuner");
        Assert.Equal("Söderhamn", shown[1][0]); // Swedish order: Ö, Ä, Å after Z

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("[data-table=kommuner] [data-download=kommuner]").ClickAsync());
        Assert.Equal("kommuner.csv", download.SuggestedFilename);
        var file = Path.Combine(Screenshots.Folder, "kommuner.csv");
        Directory.CreateDirectory(Screenshots.Folder);
        await download.SaveAsAsync(file);
        Assert.Equal(shown, PageTable.ParseCsv(await File.ReadAllBytesAsync(file)));
        output.WriteLine($"csv: {file}");
    }

    [Fact, Step(5)]
    public async Task Every_page_passes_axe_without_serious_or_critical_violations()
    {
        await using var anonymous = await platform.NewContextAsync();
        var start = await anonymous.NewPageAsync();
        await start.GotoAsync(platform.WebAddress);
        await WaitUntilInteractiveAsync(start);
        output.WriteLine($"start: {await Screenshots.TakeAsync(start, "start")}");
        await AssertAccessibleAsync(start, "start page, signed out");

        await using var office = await platform.NewContextAsync();
        var page = await SignInAsync(office, Gavleborg, "/lan/21");
        await WaitUntilLiveAsync(page);
        await AssertAccessibleAsync(page, "county");
        await page.GotoAsync($"{platform.WebAddress}/kommun/2184");
        await WaitUntilInteractiveAsync(page);
        await AssertAccessibleAsync(page, "municipality");

        // The country page, as operations see it (a regional office for one county is refused it).
        await using var operations = await platform.NewContextAsync();
        var country = await SignInAsync(operations, "Drift", "/landet");
        await WaitUntilInteractiveAsync(country);
        output.WriteLine($"country: {await Screenshots.TakeAsync(country, "landet")}");
        await Assertions.Expect(country.Locator("[data-table=lanen] table")).ToBeVisibleAsync();
        Assert.Equal(22, (await PageTable.ReadAsync(country, "lanen")).Count); // the header and the 21 counties
        await AssertAccessibleAsync(country, "country");
    }

    [Fact, Step(6)]
    public async Task A_lost_session_signs_in_again_and_returns_to_the_same_page_and_signing_out_asks_for_sign_in()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");
        await WaitUntilInteractiveAsync(page);

        // Without its cookies (an expired session) the next page asks for sign-in and comes back to that page.
        await context.ClearCookiesAsync();
        await page.GotoAsync($"{platform.WebAddress}/kommun/2184");
        await PickPersonAsync(page, Gavleborg);
        await page.WaitForURLAsync($"{platform.WebAddress}/kommun/2184", new() { Timeout = (float)PageTimeout.TotalMilliseconds });
        Assert.Equal("Hudiksvall", await page.Locator("h1").InnerTextAsync());

        await WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await page.WaitForURLAsync($"{platform.WebAddress}/", new() { Timeout = (float)PageTimeout.TotalMilliseconds });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logga in" }).First).ToBeVisibleAsync();

        await page.GotoAsync($"{platform.WebAddress}/lan/21");
        Assert.StartsWith(platform.IdentityAddress, page.Url, StringComparison.Ordinal);
        Assert.Equal("Logga in", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact, Step(7)]
    public async Task With_the_gateway_down_the_page_says_so_and_recovers_by_itself()
    {
        await using var context = await platform.NewContextAsync();
        var page = await SignInAsync(context, Gavleborg, "/lan/21");
        await WaitUntilLiveAsync(page);

        var gatewayPid = int.Parse(platform.State("platform.env")["gateway_pid"]);
        var gateway = StoppedProcess.Capture(gatewayPid);
        WebPlatform.Signal("-KILL", gatewayPid.ToString());
        ChildProcess? restarted = null;
        try
        {
            await Assertions.Expect(page.Locator("[data-live=down]")).ToBeVisibleAsync(new() { Timeout = (float)PageTimeout.TotalMilliseconds });

            var reloaded = await page.ReloadAsync();
            Assert.Equal(503, reloaded!.Status);
            Assert.Equal("Det går inte att hämta siffrorna just nu", (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
            output.WriteLine($"unavailable: {await Screenshots.TakeAsync(page, "lan-21-otillganglig")}");
            await WaitUntilInteractiveAsync(page);

            restarted = gateway.Start();
            // No reload: the page fetches again by itself and follows the county live once more.
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gävleborgs län", new() { Timeout = (float)PageTimeout.TotalMilliseconds });
            await WaitUntilLiveAsync(page);
        }
        finally
        {
            restarted?.Dispose();
        }
    }

    [Fact, Step(8)]
    public async Task The_web_app_answers_its_probes_and_shows_this_machine_its_metrics()
    {
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync($"{platform.WebAddress}/health/live")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync($"{platform.WebAddress}/health/ready")).StatusCode);

        // The steps before served pages (ASP.NET Core) that called the gateway (outgoing HTTP/2).
        var metrics = await http.GetStringAsync($"{platform.WebAddress}/metrics");
        Assert.Contains("http_server_request_duration_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Contains("http_client_request_duration_seconds_count", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string person, string path)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Report($"browser console {message.Type}: {message.Text}");
            }
        };
        await page.GotoAsync($"{platform.WebAddress}{path}");
        Assert.StartsWith(platform.IdentityAddress, page.Url, StringComparison.Ordinal);
        await PickPersonAsync(page, person);
        await page.WaitForURLAsync($"{platform.WebAddress}{path}");
        return page;
    }

    // The browser reports from its own threads, also after a test has ended.
    private void Report(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }

    private static Task PickPersonAsync(IPage page, string person) =>
        page.GetByRole(AriaRole.Button, new() { Name = person }).ClickAsync();

    private static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("main[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = (float)PageTimeout.TotalMilliseconds });

    private static Task WaitUntilLiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-live=up]")).ToHaveCountAsync(1, new() { Timeout = (float)PageTimeout.TotalMilliseconds });

    private static async Task<string> FigureAsync(IPage page, string key) =>
        (await page.Locator($"[data-figure='{key}'] .value").InnerTextAsync()).Trim();

    private async Task<RegionSummary> RegionSummaryAsync()
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayAddress);
        var statistics = new StatisticsService.StatisticsServiceClient(channel);
        var office = new Metadata { { "authorization", $"Bearer {await platform.TokenAsync("regional-office", "21")}" } };
        return (await statistics.GetRegionSummaryAsync(new() { RegionCode = "21" }, office)).Region;
    }

    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await Accessibility.CheckAsync(page);
        output.WriteLine($"axe on {what}: {violations.Count} violation(s){string.Concat(violations.Select(v => $"\n  {v}"))}");
        Assert.DoesNotContain(violations, Accessibility.IsSeriousOrCritical);
    }

    /// <summary>A process's command line, folder and environment, to start it again as it was.</summary>
    private sealed record StoppedProcess(string FileName, string[] Arguments, string Folder, Dictionary<string, string> Environment)
    {
        public static StoppedProcess Capture(int pid)
        {
            var command = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2)).Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0], pair => pair[1]);
            var folder = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? RepositoryRoot.Path;
            return new StoppedProcess(command[0], command[1..], folder, environment);
        }

        public ChildProcess Start() => ChildProcess.Start("gateway (restarted)", FileName, Arguments, Folder, Environment);
    }
}
