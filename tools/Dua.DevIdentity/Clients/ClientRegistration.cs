using Dua.DevIdentity.Callers;
using Dua.DevIdentity.Hosting;
using Dua.DevIdentity.Storage;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dua.DevIdentity.Clients;

/// <summary>Creates the database and registers the clients, with the secrets and addresses configured for this start.</summary>
public sealed class ClientRegistration(IServiceProvider services, IOptions<DevIdentityOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DevIdentityDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var settings = options.Value;

        await manager.CreateAsync(WebClient(settings), cancellationToken);
        await manager.CreateAsync(DevTokensClient(settings), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor WebClient(DevIdentityOptions settings)
    {
        var web = new OpenIddictApplicationDescriptor
        {
            ClientId = DevIdentityClients.Web,
            ClientSecret = settings.WebClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Dua webb",
            RedirectUris = { new Uri(settings.WebAppBase, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(settings.WebAppBase, "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + DevIdentityScopes.Dua,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        return web;
    }

    private static OpenIddictApplicationDescriptor DevTokensClient(DevIdentityOptions settings) => new()
    {
        ClientId = DevIdentityClients.DevTokens,
        ClientSecret = settings.DevTokensClientSecret,
        ClientType = ClientTypes.Confidential,
        DisplayName = "Dua development tokens (deploy/token.sh)",
        Permissions =
        {
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.ClientCredentials,
            Permissions.Prefixes.Scope + DevIdentityScopes.Dua,
        },
    };
}
