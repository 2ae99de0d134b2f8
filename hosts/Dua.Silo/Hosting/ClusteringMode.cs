namespace Dua.Silo.Hosting;

/// <summary>Where silos find each other.</summary>
public enum ClusteringMode
{
    /// <summary>The membership table in PostgreSQL: the production choice.</summary>
    PostgreSql,

    /// <summary>A single silo on its own, for tests and the explicit in-memory demo.</summary>
    Localhost,
}
