using Microsoft.Data.Sqlite;

namespace Dua.DevIdentity.Storage;

/// <summary>
/// An SQLite database in this process's memory, private to it, alive while this object holds its first connection open.
/// A development provider needs nothing to survive a restart: clients are registered again at start, and people sign
/// in again.
/// </summary>
public sealed class InMemoryDatabase : IDisposable
{
    private readonly SqliteConnection _keepAlive;

    public InMemoryDatabase()
    {
        // A name of its own, so two providers in one process (tests) never share a database.
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"dua-devidentity-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
    }

    public string ConnectionString { get; }

    public void Dispose() => _keepAlive.Dispose();
}
