using System.Net;

namespace Dua.Silo.Hosting;

/// <summary>A port the silo was configured to use is already taken by another process.</summary>
public sealed class PortInUseException(string name, IPAddress address, int port)
    : Exception($"{name} {address}:{port} is already in use by another process. Stop it, or choose another port (Silo__{name}=...).")
{
    /// <summary>The process exit code for this failure, shared with deploy/run.sh.</summary>
    public const int ExitCode = 3;
}
