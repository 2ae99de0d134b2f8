using System.Net;

namespace Dua.Gateway.Hosting;

/// <summary>The gateway's gRPC port is already taken by another process.</summary>
public sealed class PortInUseException(IPAddress address, int port, Exception? innerException = null)
    : Exception($"Gateway gRPC port {address}:{port} is already in use by another process. Stop it, or choose another port (Gateway__GrpcPort=...).", innerException)
{
    /// <summary>The process exit code for this failure; the same code the silos use.</summary>
    public const int ExitCode = 3;
}
