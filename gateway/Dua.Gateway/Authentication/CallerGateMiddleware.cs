using Dua.Gateway.Proxy;
using Dua.Gateway.Hosting;
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
public sealed class CallerGateMiddleware(RequestDelegate next, IOptions<GatewayAuthenticationOptions> authentication, IOptions<GatewayOptions> gateway)
{
    private readonly bool _openReflection = authentication.Value.OpenReflection;
    private readonly string _siloCredential = gateway.Value.SiloCredential!;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var open = OpenPaths.IsHealth(path) || _openReflection && OpenPaths.IsReflection(path);
        Caller? caller = null;
        if (!open)
        {
            string? problem;
            (caller, problem) = await AuthenticateAsync(context);
            if (caller is null)
            {
                await GrpcTrailersOnlyResponse.WriteAsync(context, GrpcTrailersOnlyResponse.Unauthenticated, problem!);
                return;
            }

            context.SetCaller(caller);
        }

        PassOn(context.Request.Headers, caller);
        await next(context);
    }

    private static async Task<(Caller? Caller, string? Problem)> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.None)
        {
            return (null, TokenFailure.Missing);
        }

        if (!result.Succeeded)
        {
            return (null, TokenFailure.Describe(result.Failure));
        }

        return Caller.TryFromClaims(result.Principal, out var caller, out var problem)
            ? (caller, null)
            : (null, $"bad claims: {problem}");
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
