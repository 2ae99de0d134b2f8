namespace Dua.Silo.Hosting;

public static class ServedByHeaderExtensions
{
    /// <summary>Response header naming the silo that served a call, so operators and tests can see the spread.</summary>
    public const string ServedByHeader = "dua-served-by";

    /// <summary>Names this silo (<see cref="SiloHostOptions.SiloName"/>) on every answer, errors included.</summary>
    public static WebApplication UseServedByHeader(this WebApplication app)
    {
        var siloName = app.Services.GetRequiredService<SiloHostOptions>().SiloName;
        app.Use((context, next) =>
        {
            context.Response.Headers[ServedByHeader] = siloName;
            return next(context);
        });
        return app;
    }
}
