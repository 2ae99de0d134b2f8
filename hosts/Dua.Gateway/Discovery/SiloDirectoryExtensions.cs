using Dua.Gateway.Hosting;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Dua.Gateway.Discovery;

/// <summary>Registers the silo directory chosen by <c>Gateway:Directory</c> and the YARP resolver that reads it.</summary>
public static class SiloDirectoryExtensions
{
    public static WebApplicationBuilder AddSiloDirectory(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetSection(GatewayOptions.SectionName)
            .GetValue(nameof(GatewayOptions.Directory), SiloDirectoryMode.PostgreSql);

        var services = builder.Services;
        switch (mode)
        {
            case SiloDirectoryMode.Static:
                AddDirectory<StaticSiloDirectory>(services);
                break;
            case SiloDirectoryMode.PostgreSql:
                AddDirectory<PostgreSqlSiloDirectory>(services);
                break;
        }

        // Registered after AddReverseProxy or before: the last IDestinationResolver registration wins either way.
        services.AddSingleton<IDestinationResolver, SiloDestinationResolver>();
        return builder;
    }

    // One instance serves as the directory YARP reads and as the hosted service that fills it.
    private static void AddDirectory<TDirectory>(IServiceCollection services)
        where TDirectory : class, ISiloDirectory, IHostedService
    {
        services.AddSingleton<TDirectory>();
        services.AddSingleton<ISiloDirectory>(provider => provider.GetRequiredService<TDirectory>());
        services.AddHostedService(provider => provider.GetRequiredService<TDirectory>());
    }
}
