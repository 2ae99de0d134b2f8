using Dua.Gateway.Hosting;
using Dua.Gateway.Proxy;
using Dua.Gateway.Telemetry;
using Dua.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Authentication;

/// <summary>
/// The first step of every request. Open paths pass; every other request needs a valid bearer token whose claims name a
/// caller, or it ends here as UNAUTHENTICATED. Then the caller's identity is passed on to the silos in headers only the
/// gateway sets: whatever a client sent under those names, and its token, never reach a silo.
/// </summary>
public sealed class CallerGateMiddleware(
    RequestDelegate next,
    IOptions<GatewayAuthenticationOptions> authentication,
    IOptions<GatewayOptions> gateway,
    ValidatedTokenCache validated,
    IdentityProviderMetadata metadata,
    GatewayMetrics metrics)
{
    private const string BearerPrefix = "Bearer ";

    private readonly bool _openReflection = authentication.Value.OpenReflection;
    private readonly string _siloCredential = gateway.Value.SiloCredential!;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var open = OpenPaths.IsHealth(path) || OpenPaths.IsMetrics(path) || _openReflection && OpenPaths.IsReflection(path);
        Caller? caller = null;
        if (!open)
        {
            string? problem;
            int status;
            (caller, problem, status) = await AuthenticateAsync(context);
            if (caller is null)
            {
                await GrpcTrailersOnlyResponse.WriteAsync(context, status, problem!);
                return;
            }

            context.SetCaller(caller);
        }

        PassOn(context.Request.Headers, caller);
        await next(context);
    }

    private async Task<(Caller? Caller, string? Problem, int Status)> AuthenticateAsync(HttpContext context)
    {
        const int Refused = GrpcTrailersOnlyResponse.Unauthenticated;
        var token = BearerToken(context.Request);
        if (token is not null)
        {
            var hit = validated.TryGet(token, out var known);
            metrics.TokenCache(hit);
            if (hit)
            {
                return (known, null, 0);
            }
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.None)
        {
            return (null, TokenFailure.Missing, Refused);
        }

        if (!result.Succeeded)
        {
            return await metadata.IsUnavailableAsync(context.RequestAborted)
                ? (null, IdentityProviderMetadata.Unavailable, GrpcTrailersOnlyResponse.Unavailable)
                : (null, TokenFailure.Describe(result.Failure), Refused);
        }

        if (!Caller.TryFromClaims(result.Principal, out var caller, out var problem))
        {
            return (null, $"bad claims: {problem}", Refused);
        }

        if (token is not null)
        {
            validated.Add(token, caller!, result.Principal.FindFirst("exp")?.Value);
        }

        return (caller, null, 0);
    }

    // The token as JwtBearer reads it: after "Bearer " (any case), trimmed.
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && header.Length > BearerPrefix.Length
            ? header[BearerPrefix.Length..].Trim()
            : null;
    }

    private void PassOn(IHeaderDictionary headers, Caller? caller)
    {
        foreach (var name in headers.Keys.Where(IsStripped).ToList())
        {
            headers.Remove(name);
        }

        if (caller is not null)
        {
            foreach (var (name, value) in CallerHeaders.Of(caller))
            {
                headers[name] = value;
            }
        }

        headers[CallerHeaders.Credential] = _siloCredential;
    }

    private static bool IsStripped(string name) =>
        name.StartsWith(CallerHeaders.Prefix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, "authorization", StringComparison.OrdinalIgnoreCase);
}
