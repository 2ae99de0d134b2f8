namespace Dua.Domain.Tests;

/// <summary>The domain core is plain C#: it references neither Orleans nor the wire contract (nor what carries it).</summary>
public sealed class DomainCoreReferencesTests
{
    private static readonly string[] Forbidden = ["Orleans", "Dua.Contracts", "Google.Protobuf", "Grpc", "Dua.Grains"];

    [Fact]
    public void The_domain_core_references_neither_Orleans_nor_the_contract()
    {
        var references = typeof(DomainRuleException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Dua.ReferenceData", references);
        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void No_type_of_the_domain_core_carries_a_serializer_s_attributes()
    {
        var attributes = typeof(DomainRuleException).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(inherit: false).Select(a => (Type: t, Attribute: a.GetType())))
            .Where(p => Forbidden.Any(f => p.Attribute.Namespace?.StartsWith(f, StringComparison.Ordinal) == true))
            .Select(p => $"{p.Type.FullName}: {p.Attribute.FullName}");

        Assert.Empty(attributes);
    }
}
