using Grpc.Core;

namespace Dua.Testing.Requests;

/// <summary>
/// How a raw gRPC call ended, as a gRPC client would report it: the status and its message, and how many bytes of
/// status metadata (grpc-message and grpc-status-details-bin) came with it.
/// </summary>
public readonly record struct RawGrpcOutcome(StatusCode Status, string Detail, int StatusMetadataBytes)
{
    public override string ToString() => $"{Status} \"{(Detail.Length > 160 ? Detail[..160] + "…" : Detail)}\"";
}
