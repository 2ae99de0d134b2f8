using Dua.DevIdentity.Callers;
using Dua.DevIdentity.Clients;
using Dua.DevIdentity.Endpoints;
using Dua.DevIdentity.Keys;
using Dua.DevIdentity.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Dua.DevIdentity.Hosting;

/// <summary>The provider's wiring: its settings, where it listens, OpenIddict, the session cookie and its storage.</summary>
public static class DevIdentityHostingExtensions
{
    /// <summary>Exit code when the configuration is invalid (the reason is logged, naming the setting).</summary>
    public const int InvalidConfigurationExitCode = 2;

    // Cookies are scoped by host, not by port: on 127.0.0.1 the web app sees these too, so they carry names of their own.
    public const string SessionCookie = "dua-devidentity-session";
    public const string AntiforgeryCookie = "dua-devidentity-antiforgery";

    public static WebApplicationBuilder AddDevIdentityOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevIdentityOptions>()
            .BindConfiguration(DevIdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        // The issuer is the address it listens on, so the one setting decides both.
        var url = builder.Configuration[$"{DevIdentityOptions.SectionName}:{nameof(DevIdentityOptions.Url)}"] ?? new DevIdentityOptions().Url;
        builder.WebHost.UseUrls(url);
        return builder;
    }

    public static WebApplicationBuilder AddDevIdentityServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InMemoryDatabase>();
        builder.Services.AddDbContext<DevIdentityDbContext>((services, db) =>
        {
            db.UseSqlite(services.GetRequiredService<InMemoryDatabase>().ConnectionString);
            db.UseOpenIddict();
        });

        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<SigningKeyConfiguration>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(s => s.GetRequiredService<SigningKeyConfiguration>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(s => s.GetRequiredService<SigningKeyConfiguration>());
        builder.Services.AddHostedService<ClientRegistration>();

        var settings = builder.Configuration.GetSection(DevIdentityOptions.SectionName).Get<DevIdentityOptions>() ?? new DevIdentityOptions();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DevIdentityDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ConnectEndpoints.Authorization)
                    .SetTokenEndpointUris(ConnectEndpoints.Token)
                    .SetEndSessionEndpointUris(ConnectEndpoints.EndSession)
                    .SetUserInfoEndpointUris(ConnectEndpoints.UserInfo);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // PKCE with S256 only: "plain" would show the verifier to whoever sees the authorization request.
                server.Configure(o => o.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));
                server.RegisterScopes([.. DevIdentityScopes.All]);
                server.SetAccessTokenLifetime(settings.PersonAccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                if (Uri.TryCreate(settings.Url.TrimEnd('/') + "/", UriKind.Absolute, out var issuer))
                {
                    server.SetIssuer(issuer);
                }

                // Access tokens are JWTs the gateway validates with the published keys: signed (ES256, the key ring),
                // not encrypted. Codes and refresh tokens are only read back by this provider: an in-memory key.
                server.DisableAccessTokenEncryption();
                server.AddEphemeralEncryptionKey();

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                // Options validation refuses plain HTTP except on loopback; there it is what development runs on.
                if (settings.Issuer.Scheme == Uri.UriSchemeHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
                cookie.LoginPath = SignInPage.Path;
                cookie.ReturnUrlParameter = SignInPage.ReturnUrlParameter;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = AntiforgeryCookie);
        return builder;
    }

    public static WebApplication UseDevIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapConnectEndpoints();
        app.MapSignInPage();
        app.MapSigningKeyEndpoints();
        return app;
    }

    /// <summary>Runs the provider; an invalid configuration ends it with one line naming the settings, and exit code 2.</summary>
    public static async Task<int> RunDevIdentityAsync(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<DevIdentityOptions>>().Value;
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            app.Logger.LogCritical("Invalid identity provider configuration: {Problems}", string.Join(" ", e.Failures));
            await app.DisposeAsync();
            return InvalidConfigurationExitCode;
        }
    }
}
