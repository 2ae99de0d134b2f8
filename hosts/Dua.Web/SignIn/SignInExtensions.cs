using Dua.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dua.Web.SignIn;

/// <summary>
/// Sign-in with OpenID Connect (authorization code with PKCE) and a cookie that holds the person's claims and a
/// session id; their tokens stay in <see cref="TokenSessions"/> on the server.
/// </summary>
public static class SignInExtensions
{
    public const string SignInPath = "/konto/logga-in";
    public const string SignOutPath = "/konto/logga-ut";

    public static WebApplicationBuilder AddPersonSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInOptions>()
            .Bind(builder.Configuration.GetSection(SignInOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TokenSessions>();
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "dua-web";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = context =>
                {
                    // A session this server no longer holds (a restart, a refused refresh, signed out elsewhere):
                    // the person signs in again and comes back to the page they asked for.
                    var sessions = context.HttpContext.RequestServices.GetRequiredService<TokenSessions>();
                    if (!sessions.Contains(context.Principal?.SessionId()))
                    {
                        context.RejectPrincipal();
                        return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }

                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect();

        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SignInOptions>>((cookie, signIn) => cookie.ExpireTimeSpan = signIn.Value.SessionIdleTimeout);
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<SignInOptions>>((oidc, signIn) => Configure(oidc, signIn.Value));
        builder.Services.AddAuthorization();
        return builder;
    }

    private static void Configure(OpenIdConnectOptions oidc, SignInOptions settings)
    {
        if (settings.Authority is null || SecureAddress.Check("SignIn:Authority", settings.Authority) is not null)
        {
            return; // SignInOptions' validation stops the start with the reason
        }

        oidc.Authority = settings.Authority;
        oidc.RequireHttpsMetadata = !SecureAddress.IsLoopback(new Uri(settings.Authority));
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecretFile) && string.IsNullOrWhiteSpace(settings.ClientSecret)
            ? null
            : settings.ResolveClientSecret();
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query of a top-level navigation, so the correlation and nonce cookies can be
        // SameSite=Lax and, on a loopback development machine, plain http; over https they are Secure.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        oidc.UsePkce = true;
        oidc.CallbackPath = "/signin-oidc";
        oidc.SignedOutCallbackPath = "/signout-callback-oidc";
        oidc.SignedOutRedirectUri = "/";
        oidc.Scope.Clear();
        oidc.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scope in settings.Scopes)
        {
            oidc.Scope.Add(scope);
        }

        // Tokens go to TokenSessions, not into the cookie; claims keep their names (sub, name, role, dua_area).
        oidc.SaveTokens = false;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.TokenValidationParameters.NameClaimType = PersonClaims.Name;
        oidc.TokenValidationParameters.RoleClaimType = PersonClaims.Role;
        oidc.Events.OnTokenValidated = context =>
        {
            var response = context.TokenEndpointResponse!;
            var sessions = context.HttpContext.RequestServices.GetRequiredService<TokenSessions>();
            var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var lifetime = int.TryParse(response.ExpiresIn, out var seconds) ? seconds : 300;
            var identity = (System.Security.Claims.ClaimsIdentity)context.Principal!.Identity!;
            PersonClaims.AddGrantsFrom(identity, response.AccessToken);
            var sessionId = sessions.Add(new SessionTokens(response.AccessToken, response.RefreshToken, response.IdToken, time.GetUtcNow().AddSeconds(lifetime)));
            identity.AddClaim(new System.Security.Claims.Claim(PersonClaims.Session, sessionId));
            return Task.CompletedTask;
        };
        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<TokenSessions>();
            var sessionId = context.HttpContext.User.SessionId();
            context.ProtocolMessage.IdTokenHint = sessions.Find(sessionId)?.IdToken;
            sessions.Remove(sessionId);
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = context =>
        {
            // A failed or cancelled sign-in lands on a Swedish page, never on an exception.
            context.HandleResponse();
            context.Response.Redirect("/inloggning-misslyckades");
            return Task.CompletedTask;
        };
    }

    /// <summary>Sign-in (a challenge that returns to a local page) and sign-out (a form post, from the provider too).</summary>
    public static WebApplication MapPersonSignIn(this WebApplication app)
    {
        app.MapGet(SignInPath, (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));

        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return Results.LocalRedirect("/");
            }

            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).DisableAntiforgery();
        return app;
    }

    /// <summary>The address to send a person to sign in from, returning to <paramref name="returnUrl"/>.</summary>
    public static string SignInAddress(string returnUrl) => $"{SignInPath}?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}";

    /// <summary>Only paths on this site: a sign-in link must never send a person elsewhere.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) ? url : "/";
}
