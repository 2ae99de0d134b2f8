using System.Text.Json;
using Microsoft.Playwright;

namespace Dua.Web.BrowserTests;

/// <summary>axe-core (from npm, copied beside this assembly at build time) run inside a page.</summary>
public static class Accessibility
{
    public sealed record Violation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Impact} {Id}: {Help} ({string.Join(" | ", Targets)})";
    }

    /// <summary>Every rule violation axe finds on the page as it stands (WCAG 2.1 A and AA rules and best practices).</summary>
    public static async Task<IReadOnlyList<Violation>> CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe.min.js") });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
                id: v.id, impact: v.impact ?? 'unknown', help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))
            }))
            """);
        return [.. found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
    }

    public static bool IsSeriousOrCritical(Violation violation) => violation.Impact is "serious" or "critical";
}
