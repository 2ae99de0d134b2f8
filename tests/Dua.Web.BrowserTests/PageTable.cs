using System.Text;
using Microsoft.Playwright;

namespace Dua.Web.BrowserTests;

/// <summary>A table as the page shows it (header texts, then each row's cell texts), and as its CSV file holds it.</summary>
public static class PageTable
{
    public static async Task<List<List<string>>> ReadAsync(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await page.EvaluateAsync<string[][]>("""
            (name) => {
                const table = document.querySelector(`[data-table="${name}"] table`);
                const text = cell => {
                    const copy = cell.cloneNode(true);
                    copy.querySelectorAll('.sort-mark').forEach(mark => mark.remove());
                    return copy.textContent.trim();
                };
                return [...table.querySelectorAll('tr')].map(row => [...row.querySelectorAll('th, td')].map(text));
            }
            """, fileName);
        return [.. rows.Select(row => row.ToList())];
    }

    /// <summary>Parses a CSV file as the web app writes it: UTF-8 with BOM, ';' between fields, CRLF, quoted fields.</summary>
    public static List<List<string>> ParseCsv(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the CSV file starts with a UTF-8 byte order mark");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
