using System.Text.Json;

namespace Dua.LoadTest.Reporting;

/// <summary>Writes report.json and report.md into the report folder.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    public static (string Json, string Markdown) Write(string directory, LoadTestReport report)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "report.json");
        var markdown = Path.Combine(directory, "report.md");
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json));
        File.WriteAllText(markdown, MarkdownReport.Render(report));
        return (json, markdown);
    }
}
