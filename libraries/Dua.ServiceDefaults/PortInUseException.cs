namespace Dua.ServiceDefaults;

/// <summary>A port a host was configured to use is already taken by another process.</summary>
public sealed class PortInUseException(RequiredPort port, Exception? innerException = null)
    : Exception(
        $"{port.Setting} {port.Address}:{port.Port} is already in use by another process. Stop it, or choose another port ({SettingNames.AsEnvironmentVariable(port.Setting)}=...).",
        innerException)
{
    public RequiredPort Port { get; } = port;
}
