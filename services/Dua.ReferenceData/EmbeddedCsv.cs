using System.Reflection;

namespace Dua.ReferenceData;

/// <summary>Reads the small comma-separated code lists embedded in this assembly.</summary>
/// <remarks>The files hold no quoted fields (checked here), so a plain split is exact.</remarks>
internal static class EmbeddedCsv
{
    public static IEnumerable<string[]> Read(string fileName, string[] expectedHeader)
    {
        var resourceName = $"Dua.ReferenceData.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);

        var header = reader.ReadLine()?.Split(',');
        if (header is null || !header.SequenceEqual(expectedHeader))
        {
            throw new InvalidDataException($"{fileName}: expected header '{string.Join(',', expectedHeader)}'.");
        }

        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Contains('"'))
            {
                throw new InvalidDataException($"{fileName}: quoted fields are not supported: {line}");
            }

            var fields = line.Split(',');
            if (fields.Length != expectedHeader.Length)
            {
                throw new InvalidDataException($"{fileName}: expected {expectedHeader.Length} fields: {line}");
            }

            rows.Add(fields);
        }

        return rows;
    }
}
