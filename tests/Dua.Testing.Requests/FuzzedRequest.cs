using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Dua.Testing.Requests;

/// <summary>One fuzzed call: the method, the body as sent, a grpc-encoding to declare, and the statuses it may get.</summary>
public sealed record FuzzedRequest(
    MethodDescriptor Method, RequestDefect Defect, string Case, byte[] Body, string? Encoding, IReadOnlySet<StatusCode> Allowed)
{
    public string Path => ContractMethods.PathOf(Method);

    public override string ToString() =>
        $"{Path} {Defect} ({Case}, {Body.Length} bytes{(Encoding is null ? "" : $", grpc-encoding {Encoding}")}): {Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 24)))}";
}
