using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

// The parser's edge cases (doubled quotes, line breaks in quotes) do not all occur in the shipped files.
[assembly: InternalsVisibleTo("Dua.ReferenceData.Tests")]

namespace Dua.ReferenceData;

/// <summary>Reads the small comma-separated code lists embedded in this assembly.</summary>
/// <remarks>
/// RFC 4180: a field may be enclosed in double quotes, and then may hold commas, line breaks and doubled quotes
/// (<c>""</c> for one <c>"</c>). Blank lines are skipped; a byte order mark is ignored.
/// </remarks>
internal static class EmbeddedCsv
{
    public static IEnumerable<string[]> Read(string fileName, string[] expectedHeader)
    {
        var resourceName = $"Dua.ReferenceData.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader, fileName, expectedHeader);
    }

    internal static IReadOnlyList<string[]> Read(TextReader reader, string fileName, string[] expectedHeader)
    {
        var records = Parse(reader, fileName);
        if (records.Count == 0 || !records[0].SequenceEqual(expectedHeader))
        {
            throw new InvalidDataException($"{fileName}: expected header '{string.Join(',', expectedHeader)}'.");
        }

        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Length != expectedHeader.Length)
            {
                throw new InvalidDataException(
                    $"{fileName}: record {i} has {records[i].Length} fields, expected {expectedHeader.Length}.");
            }
        }

        return records.Skip(1).ToArray();
    }

    internal static List<string[]> Parse(TextReader reader, string fileName)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var inQuotes = false;
        var line = 1;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quoted = false;
        }

        void EndRecord()
        {
            var blankLine = fields.Count == 0 && field.Length == 0 && !quoted;
            EndField();
            if (!blankLine)
            {
                records.Add([.. fields]);
            }

            fields.Clear();
        }

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (ch == '\n')
            {
                line++;
            }

            if (inQuotes)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    EndField();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord();
                    break;
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = quoted = true;
                    break;
                case '"':
                    throw new InvalidDataException($"{fileName}, line {line}: a quote may only open a field.");
                default:
                    if (quoted)
                    {
                        throw new InvalidDataException($"{fileName}, line {line}: text after a closing quote.");
                    }

                    field.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InvalidDataException($"{fileName}: a quoted field is not closed.");
        }

        EndRecord();
        return records;
    }
}
