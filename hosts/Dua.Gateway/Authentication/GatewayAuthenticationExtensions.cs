using Dua.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dua.Gateway.Authentication;

/// <summary>JWT bearer validation of callers' tokens, and the gate that puts it in front of everything else.</summary>
public static class GatewayAuthenticationExtensions
{
    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayAuthenticationOptions>()
            .BindConfiguration(GatewayAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddKeyedSingleton(ValidatedTokenCache.ClockKey, TimeProvider.System);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddSingleton<IdentityProviderMetadata>();
        // No default scheme, not even the one a single registered scheme would otherwise become: with one, WebApplication
        // puts its authentication middleware in front of everything, which checks the token's signature on every call
        // (some 370 µs) before the gate can answer from the tokens it has already checked. The gate names the scheme.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<GatewayAuthenticationOptions>>((jwt, authentication) => Configure(jwt, authentication.Value));
        return builder;
    }

    /// <summary>Must come first: nothing after it (rate limit, cache, proxy) sees a request the gate refused.</summary>
    public static WebApplication UseGatewayCallerGate(this WebApplication app)
    {
        app.UseMiddleware<CallerGateMiddleware>();
        return app;
    }

    private static void Configure(JwtBearerOptions jwt, GatewayAuthenticationOptions authentication)
    {
        authentication.LoadKeys(out var keys);
        // Claims keep their names from the token (sub, org, role, dua_area), as Caller.TryFromClaims reads them.
        jwt.MapInboundClaims = false;
        if (authentication.UsesDiscovery)
        {
            // JwtBearer reads the metadata through a ConfigurationManager: on first use, every AutomaticRefreshInterval,
            // and when a token names a key it does not know (a rotation), at most once per RefreshInterval.
            jwt.MetadataAddress = authentication.DiscoveryDocument!;
            jwt.RequireHttpsMetadata = !authentication.MetadataOverLoopbackHttp;
            jwt.RefreshOnIssuerKeyNotFound = true;
            jwt.RefreshInterval = authentication.MetadataRefreshInterval;
            jwt.AutomaticRefreshInterval = authentication.MetadataAutomaticRefreshInterval;
        }
        else
        {
            // No metadata to ask: issuer, audience and keys are all configured.
            jwt.RequireHttpsMetadata = false;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = string.IsNullOrWhiteSpace(authentication.Issuer) ? null : authentication.Issuer,
            ValidAudience = authentication.Audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [TokenSigningKeys.Algorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = authentication.ClockSkew,
            NameClaimType = DuaClaimTypes.Subject,
            RoleClaimType = DuaClaimTypes.Role,
        };
    }
}
