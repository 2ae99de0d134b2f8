namespace Dua.Silo.Hosting;

/// <summary>Where grain state and reminders are kept.</summary>
public enum StorageMode
{
    /// <summary>Orleans ADO.NET providers on PostgreSQL: durable, the production choice.</summary>
    PostgreSql,

    /// <summary>Process memory: lost on exit. Only for tests and the explicit demo flag.</summary>
    Memory,
}
