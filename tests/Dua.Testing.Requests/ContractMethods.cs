using Dua.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Dua.Testing.Requests;

/// <summary>Every method of every dua.v1 service, from the generated descriptors of Dua.Contracts.</summary>
public static class ContractMethods
{
    /// <summary>The methods' descriptors (request type, streaming), in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<MethodDescriptor> Descriptors { get; } =
    [
        .. typeof(AgreementService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "dua.v1")
            .SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .DistinctBy(PathOf)
            .OrderBy(PathOf, StringComparer.Ordinal),
    ];

    /// <summary>"dua.v1.Service/Method" for every method.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Descriptors.Select(PathOf)];

    /// <summary>"dua.v1.Service/Method": the gRPC path without its leading slash.</summary>
    public static string PathOf(MethodDescriptor method) => $"{method.Service.FullName}/{method.Name}";
}
