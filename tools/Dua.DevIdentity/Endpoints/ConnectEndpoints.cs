using System.Security.Claims;
using Dua.DevIdentity.Callers;
using Dua.DevIdentity.Clients;
using Dua.DevIdentity.Hosting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dua.DevIdentity.Endpoints;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to the provider once it has validated the protocol: who is
/// signed in (authorize), which caller a token names (token), and signing out (end session).
/// </summary>
public static class ConnectEndpoints
{
    public const string Authorization = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string EndSession = "/connect/endsession";
    public const string UserInfo = "/connect/userinfo";

    private const string OpenIddictScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods(Authorization, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).DisableAntiforgery();
        app.MapPost(Token, (Delegate)IssueTokenAsync).DisableAntiforgery();
        app.MapMethods(EndSession, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).DisableAntiforgery();
        app.MapMethods(UserInfo, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, IOptions<DevIdentityOptions> options)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var user = session.Succeeded ? options.Value.FindUserBySubject(session.Principal.FindFirstValue(Claims.Subject)) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "Ingen är inloggad.");
            }

            // After signing in the person comes back here, without prompt=login so the new session counts.
            return Results.Redirect($"{SignInPage.Path}?{SignInPage.ReturnUrlParameter}={Uri.EscapeDataString(WithoutLoginPrompt(context.Request))}");
        }

        var identity = CallerIdentity.Create(user.Subject, user.Name, user.Organisation, user.Role, user.Areas);
        identity.SetScopes(request.GetScopes().Intersect(DevIdentityScopes.All));
        Grant(identity, options.Value);
        identity.SetAccessTokenLifetime(options.Value.PersonAccessTokenLifetime);
        CallerIdentity.SetDestinations(identity);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictScheme);
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext context, IOptions<DevIdentityOptions> options)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            return ForSystem(request, options.Value);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The person's claims as configured now, not as they were at sign-in: a user removed from the list gets
            // no new tokens.
            var granted = await context.AuthenticateAsync(OpenIddictScheme);
            var user = options.Value.FindUserBySubject(granted.Principal?.FindFirstValue(Claims.Subject));
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "Användaren finns inte längre.");
            }

            var identity = CallerIdentity.Create(user.Subject, user.Name, user.Organisation, user.Role, user.Areas);
            identity.SetScopes(granted.Principal!.GetScopes());
            Grant(identity, options.Value);
            identity.SetAccessTokenLifetime(options.Value.PersonAccessTokenLifetime);
            CallerIdentity.SetDestinations(identity);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "Only authorization_code, refresh_token and client_credentials are supported.");
    }

    // Only the development client gets here (no other client has the client-credentials permission); it names the
    // caller it wants, and the provider checks that caller against the roles and the code lists.
    private static IResult ForSystem(OpenIddictRequest request, DevIdentityOptions options)
    {
        if (request.ClientId != DevIdentityClients.DevTokens)
        {
            return Forbid(Errors.UnauthorizedClient, $"Only {DevIdentityClients.DevTokens} may use client credentials here.");
        }

        var role = (string?)request.GetParameter(DevIdentityClients.RoleParameter);
        var areas = (Microsoft.Extensions.Primitives.StringValues?)request.GetParameter(DevIdentityClients.AreaParameter) ?? default;
        if (!RequestedCaller.TryCreate(role, [.. areas.OfType<string>()], out var parsed, out var problem))
        {
            return Forbid(Errors.InvalidRequest, problem!);
        }

        var codes = parsed.Select(a => a.Code).ToList();
        var subject = (string?)request.GetParameter(DevIdentityClients.SubjectParameter);
        var organisation = (string?)request.GetParameter(DevIdentityClients.OrganisationParameter);
        var identity = CallerIdentity.Create(
            string.IsNullOrWhiteSpace(subject) ? $"dev-{role}-{string.Join('-', codes)}" : subject,
            name: null,
            string.IsNullOrWhiteSpace(organisation) ? DefaultOrganisation(role!) : organisation,
            role!,
            codes);
        identity.SetScopes(request.GetScopes().Intersect([DevIdentityScopes.Dua]));
        Grant(identity, options);
        identity.SetAccessTokenLifetime(options.SystemAccessTokenLifetime);
        CallerIdentity.SetDestinations(identity);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // OpenIddict sends the browser to the client's post_logout_redirect_uri when it is registered; here otherwise.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var granted = await context.AuthenticateAsync(OpenIddictScheme);
        if (!granted.Succeeded)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in granted.Principal.Claims
                     .Where(c => c.Type is Claims.Subject or Claims.Name or Dua.Security.DuaClaimTypes.Organisation
                         or Dua.Security.DuaClaimTypes.Role or Dua.Security.DuaClaimTypes.Area)
                     .GroupBy(c => c.Type, StringComparer.Ordinal))
        {
            claims[group.Key] = group.Key == Dua.Security.DuaClaimTypes.Area ? group.Select(c => c.Value).ToArray() : group.First().Value;
        }

        return Results.Json(claims);
    }

    // Every access token is for the platform: the gateway accepts no other audience.
    private static void Grant(ClaimsIdentity identity, DevIdentityOptions options) => identity.SetAudiences(options.Audience);

    private static string DefaultOrganisation(string role) => role switch
    {
        Dua.Security.Roles.Agency => "Arbetsförmedlingen",
        Dua.Security.Roles.RegionalOffice => "Länsstyrelsen",
        _ => "Dua drift",
    };

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictScheme]);

    private static string WithoutLoginPrompt(HttpRequest request)
    {
        var parameters = request.HasFormContentType
            ? request.Form.ToDictionary(p => p.Key, p => p.Value)
            : request.Query.ToDictionary(p => p.Key, p => p.Value);
        if (parameters.TryGetValue(Parameters.Prompt, out var prompt))
        {
            var kept = string.Join(' ', prompt.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Login));
            if (kept.Length == 0)
            {
                parameters.Remove(Parameters.Prompt);
            }
            else
            {
                parameters[Parameters.Prompt] = kept;
            }
        }

        return QueryHelpers.AddQueryString(request.PathBase + request.Path, parameters.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
    }
}
