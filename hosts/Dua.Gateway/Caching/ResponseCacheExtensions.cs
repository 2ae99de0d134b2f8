using Dua.ServiceDefaults;

namespace Dua.Gateway.Caching;

/// <summary>Registers the response cache and puts it in front of routing when <c>Gateway:ResponseCache:Enabled</c>.</summary>
public static class ResponseCacheExtensions
{
    public static WebApplicationBuilder AddGatewayResponseCache(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ResponseCacheOptions>(ResponseCacheOptions.SectionName);
        builder.Services.AddSingleton<ICallerView, RoleAndAreasCallerView>();
        builder.Services.AddKeyedSingleton(GrpcResponseCache.ClockKey, TimeProvider.System);
        builder.Services.AddSingleton<GrpcResponseCache>();
        return builder;
    }

    /// <summary>
    /// Must come before routing: an answer from the cache then costs no route matching and no proxy pipeline. When the
    /// cache is off nothing is added, so the other requests pay nothing for it.
    /// </summary>
    public static WebApplication UseGatewayResponseCache(this WebApplication app)
    {
        // Read from configuration, not the validated options: invalid options are reported by start-up validation,
        // as one clear line, rather than as an exception while the pipeline is put together.
        if (app.Configuration.GetSection(ResponseCacheOptions.SectionName).GetValue<bool>(nameof(ResponseCacheOptions.Enabled)))
        {
            app.UseMiddleware<GrpcResponseCacheMiddleware>();
        }

        return app;
    }
}
