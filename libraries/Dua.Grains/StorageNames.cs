using Dua.Grains.Abstractions;
namespace Dua.Grains;

/// <summary>Names of the grain storage providers the grains persist through; the silo registers them.</summary>
public static class StorageNames
{
    /// <summary>The platform's durable grain state (PostgreSQL in production, memory only when asked for).</summary>
    public const string Platform = "dua";
}
