using System.Reflection;
using System.Text.RegularExpressions;
using Dua.Testing;
using Google.Protobuf.Reflection;

namespace Dua.Domain.Tests;

/// <summary>
/// The grains know the domain, not the wire: no source of the grains or their interfaces names the dua.v1 package
/// or, as a string, a field of its messages. The field names are read from the contract itself.
/// </summary>
public sealed partial class GrainSourcesTests
{
    private static readonly string[] Folders = ["libraries/Dua.Grains", "libraries/Dua.Grains.Abstractions"];

    // A string that could name a field; a grain's state name ([PersistentState("agreement", ...)]) names no field.
    [GeneratedRegex("(?<!PersistentState\\()\"([a-z0-9_.]+)\"")]
    private static partial Regex StringLiteral();

    [Fact]
    public void The_contract_s_field_names_are_read_from_its_descriptors()
    {
        var fields = ContractFieldNames();

        Assert.Contains("occurred_on", fields);
        Assert.Contains("valid_to", fields);
        Assert.Contains("municipality_codes", fields);
        Assert.Contains("request_id", fields);
        Assert.True(fields.Count > 100, $"only {fields.Count} field names");
    }

    [Fact]
    public void No_grain_source_names_the_wire_package_or_a_contract_field()
    {
        var fields = ContractFieldNames();
        var sources = Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .ToArray();
        Assert.Contains("libraries/Dua.Grains/Agreements/AgreementGrain.cs", sources);

        var found = sources
            .SelectMany(path => File.ReadLines(Path.Combine(RepositoryRoot.Path, path)).Select((line, i) => (path, line: WithoutComment(line), number: i + 1)))
            .Where(l => l.line.Contains("dua.v1", StringComparison.Ordinal)
                || StringLiteral().Matches(l.line).Any(m => fields.Contains(m.Groups[1].Value)))
            .Select(l => $"{l.path}:{l.number}: {l.line.Trim()}");

        Assert.Empty(found);
    }

    private static string WithoutComment(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    /// <summary>Every field name of every dua.v1 message, nested ones included.</summary>
    private static HashSet<string> ContractFieldNames()
    {
        var files = typeof(Contracts.V1.Agreement).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "dua.v1");
        var messages = new Stack<MessageDescriptor>(files.SelectMany(f => f.MessageTypes));
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (messages.TryPop(out var message))
        {
            names.UnionWith(message.Fields.InDeclarationOrder().Select(f => f.Name));
            foreach (var nested in message.NestedTypes)
            {
                messages.Push(nested);
            }
        }

        return names;
    }
}
