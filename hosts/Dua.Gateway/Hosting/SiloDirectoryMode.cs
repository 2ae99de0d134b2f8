namespace Dua.Gateway.Hosting;

/// <summary>Where the gateway learns which silos are alive.</summary>
public enum SiloDirectoryMode
{
    /// <summary>Poll the Orleans membership table joined with the silos' published gRPC endpoints.</summary>
    PostgreSql,

    /// <summary>A fixed list from configuration: the in-memory demo and tests, where there is no database.</summary>
    Static,
}
