namespace Dua.ServiceDefaults;

/// <summary>
/// How a host process ends. deploy/run.sh and deploy/silo.sh act on them (a silo that exits with
/// <see cref="PortInUse"/> is started again at the next index) and use the same codes themselves.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Anything an operator cannot fix by changing a setting (the database refused a schema upgrade, say).</summary>
    public const int Failure = 1;

    /// <summary>A setting is missing or invalid; the message names it.</summary>
    public const int InvalidConfiguration = 2;

    /// <summary>A port the host was configured to use is taken by another process; the message names the setting.</summary>
    public const int PortInUse = 3;
}
