using System.Text;

namespace Dua.Web.Presentation;

/// <summary>
/// A table as the CSV Swedish Excel opens directly: UTF-8 with a byte order mark, fields separated by semicolons,
/// CRLF line ends, quoted when they hold a separator, a quote or a line break.
/// </summary>
public static class CsvFile
{
    public const char Separator = ';';

    public static byte[] Write(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendLine(text, columns.Select(c => c.Header));
        foreach (var row in rows)
        {
            AppendLine(text, row.Select(c => c.Text));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Field(string value) =>
        value.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(Separator, fields.Select(Field))).Append("\r\n");
}
