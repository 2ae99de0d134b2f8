using Xunit;

namespace Dua.Testing;

/// <summary>
/// One private PostgreSQL cluster shared by the tests of a collection. xunit only finds
/// collection definitions in the test assembly itself, so each test project declares
/// <c>[CollectionDefinition(PostgresFixture.Collection)] class … : ICollectionFixture&lt;PostgresFixture&gt;</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "postgres";

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
