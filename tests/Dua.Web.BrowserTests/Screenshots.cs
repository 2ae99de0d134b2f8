using Dua.Testing;
using Microsoft.Playwright;

namespace Dua.Web.BrowserTests;

/// <summary>
/// Full-page screenshots kept as test output in .run/test-results/screenshots/. With DUA_DOCS_SCREENSHOT=1 the county
/// page's is also copied to docs/web-county.png, the picture the README opens with.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, ".run", "test-results", "screenshots");

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public static void CopyToDocs(string screenshot)
    {
        if (Environment.GetEnvironmentVariable("DUA_DOCS_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, Path.Combine(RepositoryRoot.Path, "docs", "web-county.png"), overwrite: true);
        }
    }
}
