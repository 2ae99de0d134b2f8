using Grpc.Core;

namespace Dua.Benchmarks.Participants;

/// <summary>A call the platform did not answer with OK, with the method named so the report can say which.</summary>
public sealed class CallFailedException(string method, Status status)
    : Exception($"{method} failed: {status.StatusCode} ({status.Detail})")
{
    public string Method { get; } = method;

    public Status Status { get; } = status;
}
