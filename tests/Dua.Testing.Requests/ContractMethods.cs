using Dua.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Dua.Testing.Requests;

/// <summary>Every method of every dua.v1 service ("dua.v1.Service/Method"), from the generated descriptors of Dua.Contracts.</summary>
public static class ContractMethods
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(AgreementService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "dua.v1")
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods.Select(m => $"{s.FullName}/{m.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];
}
