using Dua.Silo.Storage;

namespace Dua.Silo.Hosting;

/// <summary>
/// The connection string Orleans' ADO.NET providers (membership, reminders, reading legacy state) get: the same
/// tuning as the silo's own data source (prepared statements, no reset on reuse), in a pool of
/// <see cref="PlatformDataSource.OrleansProviderConnections"/>. Settings given in configuration win.
/// </summary>
public static class OrleansConnectionString
{
    public static string? Tune(string? connectionString) =>
        connectionString is null ? null : PlatformDataSource.Tune(connectionString, PlatformDataSource.OrleansProviderConnections);
}
