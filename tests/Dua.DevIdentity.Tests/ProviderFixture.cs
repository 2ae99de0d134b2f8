using Dua.Testing;

namespace Dua.DevIdentity.Tests;

/// <summary>One provider process shared by the tests of a class that do not change its keys.</summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    /// <summary>The web app address the provider registers redirect URIs for; nothing needs to listen there.</summary>
    public const string WebAppUrl = "http://127.0.0.1:5999";

    private DevIdentityServer? _server;

    public DevIdentityServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await DevIdentityServer.StartAsync(webAppUrl: WebAppUrl);

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
